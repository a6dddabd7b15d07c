import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore

/// Copies of the live database, and putting one back. Both run outside `perform`'s write
/// transaction, so staff keep reading and writing while a backup is taken, and both are audited.
public struct BackupService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Copies the live database with SQLite's online backup (a consistent snapshot while others
    /// write), verifies the copy, and only then gives it its name: a file at `path` is a good backup.
    @discardableResult
    public func backup(to path: String, by staff: StaffMember) throws -> BackupReport {
        try context.require(.backup, by: staff, action: "backup", entity: "database")
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ServiceError.usage("\(path) already exists; name a new file for the backup.")
        }
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        try copy(from: context.database.writer, to: partial)
        let verification = CopyVerification.examine(partial, municipality: context.settings.municipalityCode)
        guard verification.isSound else {
            try? FileManager.default.removeItem(atPath: partial)
            try audit("backup", detail: "to=\(path) failed: " + verification.problems.joined(separator: "; "), by: staff)
            throw ServiceError.dataRefused("The backup failed verification and was deleted: \(verification.problems.joined(separator: "; ")).")
        }
        do {
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            throw ServiceError.internalFailure("The verified backup \(partial) could not be renamed to \(path): \(error.localizedDescription)")
        }
        try audit("backup", detail: "to=\(path) head=\(verification.auditHead ?? "empty")", by: staff)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return BackupReport(file: path, bytes: bytes, verification: verification)
    }

    /// Replaces the live database's content with the copy at `path` after verifying it, keeping
    /// what it replaces beside the database. The copy goes in through SQLite's backup API, so
    /// other processes that have the database open see the restored content, not a stale file.
    @discardableResult
    public func restore(from path: String, by staff: StaffMember) throws -> RestoreReport {
        try context.require(.backup, by: staff, action: "restore", entity: "database")
        let verification = CopyVerification.examine(path, municipality: context.settings.municipalityCode)
        guard verification.isSound else {
            try audit("restore", detail: "from=\(path) refused: " + verification.problems.joined(separator: "; "), by: staff)
            throw ServiceError.dataRefused("\(path) cannot be restored: \(verification.problems.joined(separator: "; ")).")
        }
        let kept = try withExtendedLifetime(try ImportLock(databasePath: context.database.path)) { try replaceLive(with: path) }
        try audit("restore", detail: "from=\(path) head=\(verification.auditHead ?? "empty") kept=\(kept)", by: staff)
        return RestoreReport(file: path, kept: kept, verification: verification)
    }

    /// Keeps the live database beside itself, then copies `path` over it and applies any
    /// migrations the copy predates. Runs holding the import lock, so no file import is mid-file.
    private func replaceLive(with path: String) throws -> String {
        let kept = try keptPath()
        try copy(from: context.database.writer, to: kept)
        do {
            let source = try DatabaseQueue(path: path)
            try source.backup(to: context.database.writer)
            try source.close()
            try AppDatabase.migrator.migrate(context.database.writer)
        } catch {
            throw ServiceError.internalFailure("Restoring \(path) failed (\(error)); the database as it was is kept at \(kept).")
        }
        return kept
    }

    /// `<database>.before-restore-<stamp>`, with a counter when a restore already ran this second.
    private func keptPath() throws -> String {
        let base = context.database.path + ".before-restore-" + context.fileStamp
        var candidate = base
        var counter = 1
        while FileManager.default.fileExists(atPath: candidate) {
            counter += 1
            candidate = base + "-\(counter)"
        }
        return candidate
    }

    /// Writes a self-contained copy (rollback journal, no WAL beside it) created with the private mode.
    private func copy(from source: some DatabaseReader, to path: String) throws {
        do {
            try context.settings.privateFileMode.create(path)
            let destination = try DatabaseQueue(path: path)
            try source.backup(to: destination)
            try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try destination.close()
        } catch let error as PrivateFileError {
            throw ServiceError.internalFailure(error.description)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw ServiceError.internalFailure("Copying the database to \(path) failed: \(error).")
        }
    }

    private func audit(_ action: String, detail: String, by staff: StaffMember) throws {
        try context.perform(.backup, by: staff, action: action, entity: "database") { _, audit in audit.detail = detail }
    }
}
