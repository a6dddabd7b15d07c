import GRDB
import KyoseiDomain
import KyoseiStore

extension Settings {
    /// The mode files holding personal data are created with: 0600, or 0640 for `files.staff_group`.
    public var privateFileMode: PrivateFileMode { PrivateFileMode(group: staffGroup) }
}

extension AppDatabase {
    /// Opens the database as the settings say (busy timeout), turning a file whose mode lets
    /// everyone read it into a plain refusal that says how to fix it. The database is its
    /// owner's alone (0600) whatever `files.staff_group` says: staff reach it through the server,
    /// and a file they could read would give them every record without the audit seeing.
    static func open(_ path: String, settings: Settings) throws -> AppDatabase {
        do {
            return try AppDatabase(path: path, busyTimeoutMilliseconds: settings.busyTimeoutMilliseconds,
                                   fileMode: .ownerOnly)
        } catch let error as PrivateFileError {
            throw ServiceError.internalFailure(error.description)
        }
    }
}
