import Foundation
import GRDB
import Synchronization

/// Owns the database: its connection pool (WAL, so staff read while the nightly job writes),
/// the migrator over `Schema/*.sql`, and the connection settings every connection gets.
public final class AppDatabase: Sendable {
    public let writer: DatabasePool
    public let path: String
    /// Audit entries of reads that ran while another process held the write lock.
    public let auditSpool: AuditSpool
    private let configuration: Configuration
    private let auditConnection = Mutex<DatabaseQueue?>(nil)

    /// Opens (creating if needed) the database at `path` and brings its schema up to date. A new
    /// file is created with `fileMode` before SQLite opens it, so its WAL and SHM get that mode
    /// too; an existing one that every user may read is refused.
    public init(path: String, busyTimeoutMilliseconds: Int = 5000, readOnly: Bool = false,
                fileMode: PrivateFileMode = .ownerOnly) throws {
        if !readOnly && !FileManager.default.fileExists(atPath: path) {
            try fileMode.create(path)
        }
        try PrivateFileMode.refuseWorldReadable(path)
        try PrivateFileMode.refuseWorldReadable(path + "-wal")
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        config.busyMode = .timeout(Double(busyTimeoutMilliseconds) / 1000)
        config.journalMode = .wal
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // A register snapshot writes every index of a million-row table in one transaction;
            // with SQLite's default 8 MB cache the indexes spill to the WAL mid-transaction.
            try PageCache.set(kibibytes: PageCache.standardKiB, in: db)
        }
        self.path = path
        configuration = config
        auditSpool = AuditSpool(databasePath: path, fileMode: fileMode)
        writer = try DatabasePool(path: path, configuration: config)
        if !readOnly {
            try Self.migrator.migrate(writer)
        }
    }

    /// A connection of its own for the audit entries of reads and refusals. GRDB runs a pool's
    /// writes one after another inside this process, so through `writer` the entry of a read
    /// would wait behind a sync's transaction of many seconds; on its own connection it meets
    /// that transaction at SQLite's lock, waits a moment, and goes to the spool instead.
    public func auditWriter() throws -> DatabaseQueue {
        try auditConnection.withLock { connection in
            if let connection { return connection }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            connection = queue
            return queue
        }
    }

    /// Closes every connection; the server calls it after its last request has finished.
    public func close() throws {
        try auditConnection.withLock { connection in
            try connection?.close()
            connection = nil
        }
        try writer.close()
    }

    /// One forward-only migration per `Schema/NNN_name.sql` file, applied in file-name order.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for file in EmbeddedSchema.files {
            let identifier = String(file.name.dropLast(".sql".count))
            migrator.registerMigration(identifier) { db in
                try db.execute(sql: file.text)
            }
        }
        return migrator
    }

    /// The migrations this binary knows, for `config show` and for refusing a newer database.
    public static var knownMigrations: [String] {
        EmbeddedSchema.files.map { String($0.name.dropLast(".sql".count)) }
    }

    /// Lets SQLite refresh its statistics after a large write: without them the planner walks
    /// the whole `cases` table by state for `case stats` instead of the small partial indexes
    /// (450 ms against 11 ms at 200,000 cases). Cheap when there is nothing to do.
    ///
    /// The statistics come from a sample (`analysis_limit`, as SQLite advises for `optimize`):
    /// an empty partial index has no statistics row, so SQLite takes `resident` for never
    /// analysed and read all of its million rows again after every register file, 0.7 s each.
    public func optimize() throws {
        try writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA analysis_limit = 1000; PRAGMA optimize") }
    }

    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Self.migrator.appliedIdentifiers(db).sorted() }
    }

    /// True when the database was migrated by a newer Kyosei than this one.
    public func hasUnknownMigrations() throws -> Bool {
        try writer.read { db in try Self.migrator.hasBeenSuperseded(db) }
    }
}
