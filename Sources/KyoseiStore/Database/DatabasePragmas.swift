import GRDB

/// The PRAGMAs the services need, kept here so that how SQLite is tuned and checked is decided
/// in one layer: the services ask for a check or a setting by what it means.
extension Database {
    /// SQLite's integrity check, each finding handed over as it comes ("ok" alone when the file
    /// is sound). On a damaged file SQLite reports what it found and then fails: the findings
    /// already handed over are the caller's to keep.
    public func checkIntegrity(_ finding: (String) -> Void) throws {
        let cursor = try String.fetchCursor(self, sql: "PRAGMA integrity_check")
        while let message = try cursor.next() { finding(message) }
    }

    /// Runs `body` with this connection waiting at most `milliseconds` for a lock, then puts the
    /// connection's usual wait back.
    public func waitingForLocks<T>(atMost milliseconds: Int, _ body: () throws -> T) throws -> T {
        let usual = try Int.fetchOne(self, sql: "PRAGMA busy_timeout") ?? 0
        try execute(sql: "PRAGMA busy_timeout = \(milliseconds)")
        defer { try? execute(sql: "PRAGMA busy_timeout = \(usual)") }
        return try body()
    }

    /// A rollback journal instead of WAL: a copy that is one self-contained file.
    public func useRollbackJournal() throws {
        try execute(sql: "PRAGMA journal_mode = DELETE")
    }
}
