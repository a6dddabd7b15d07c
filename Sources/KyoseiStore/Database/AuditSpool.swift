import Foundation
import GRDB
import Synchronization

/// Where the audit entry of a read goes when another process holds the database's write lock
/// (a register snapshot holds it for many seconds): a small SQLite database of its own beside
/// the main one, `<database>.audit-spool`, with its own lock, so recording a read never waits
/// for a sync. The next write transaction on the main database folds its entries into the hash
/// chain and removes them once that transaction has committed.
///
/// It is created on first use with the database's file mode; WAL, so folding never blocks a
/// reader that is spooling; `synchronous = FULL`, since until it is folded an entry here is the
/// only record of the read.
public final class AuditSpool: Sendable {
    public let path: String
    private let fileMode: PrivateFileMode
    private let connection = Mutex<DatabaseQueue?>(nil)

    public init(databasePath: String, fileMode: PrivateFileMode) {
        path = databasePath + ".audit-spool"
        self.fileMode = fileMode
    }

    /// Spools `entry` and returns its id. Ids are never reused (AUTOINCREMENT), and a new spool
    /// starts above `floor()`, the highest spool id the chain holds, so a spool id found in the
    /// chain always means that very entry was folded.
    @discardableResult
    public func append(_ entry: SpooledAuditEntry, above floor: () throws -> Int64) throws -> Int64 {
        guard let queue = try open(creating: true) else { throw PrivateFileError("Cannot create the audit spool \(path).") }
        return try queue.write { db in
            if try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_spool'") == nil {
                try db.execute(sql: "INSERT INTO sqlite_sequence(name, seq) VALUES ('audit_spool', ?)", arguments: [try floor()])
            }
            var entry = entry
            try entry.insert(db)
            return entry.id!
        }
    }

    /// The entries waiting, oldest first; none when nothing was ever spooled.
    public func pending() throws -> [SpooledAuditEntry] {
        guard let queue = try open(creating: false) else { return [] }
        return try queue.read { db in try SpooledAuditEntry.order(Column("id")).fetchAll(db) }
    }

    public func pendingCount() throws -> Int {
        guard let queue = try open(creating: false) else { return 0 }
        return try queue.read { db in try SpooledAuditEntry.fetchCount(db) }
    }

    /// Removes the entries up to `id`, which are in the chain. Ids only grow, so no entry
    /// spooled after the fold read the spool can be among them.
    public func remove(through id: Int64) throws {
        guard let queue = try open(creating: false) else { return }
        try queue.write { db in try db.execute(sql: "DELETE FROM audit_spool WHERE id <= ?", arguments: [id]) }
    }

    private func open(creating: Bool) throws -> DatabaseQueue? {
        try connection.withLock { connection in
            if let connection { return connection }
            if !FileManager.default.fileExists(atPath: path) {
                guard creating else { return nil }
                do {
                    try fileMode.create(path)
                } catch where FileManager.default.fileExists(atPath: path) {
                    // Another process created it at the same moment.
                }
            }
            try PrivateFileMode.refuseWorldReadable(path)
            var config = Configuration()
            config.journalMode = .wal
            config.busyMode = .timeout(5)
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            let queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS audit_spool (
                        id           INTEGER PRIMARY KEY AUTOINCREMENT,
                        at           TEXT NOT NULL,
                        staff_login  TEXT NOT NULL,
                        action       TEXT NOT NULL,
                        entity       TEXT NOT NULL,
                        resident_ids TEXT NOT NULL,
                        detail       TEXT NOT NULL
                    ) STRICT
                    """)
            }
            connection = queue
            return queue
        }
    }
}
