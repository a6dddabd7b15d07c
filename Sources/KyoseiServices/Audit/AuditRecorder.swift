import GRDB
import KyoseiStore

/// Records the audit entry of a call that wrote nothing (a read, a refusal) without waiting for
/// the write lock: into the chain when the lock can be had within `lockWaitMilliseconds`, else
/// into the audit spool, which has a lock of its own. Either way the entry is durable before
/// `record` returns, so before the caller hands any data out.
struct AuditRecorder {
    /// Long enough for a short write by another member of staff; far shorter than a sync.
    static let lockWaitMilliseconds = 100

    let database: AppDatabase

    func record(_ draft: AuditDraft, by login: String, at timestamp: String) throws {
        do {
            try writeAtOnce { db in
                try AuditWriter.append(draft, by: login, at: timestamp, in: db, folding: database.auditSpool)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            let entry = SpooledAuditEntry(at: timestamp, staffLogin: login, action: draft.action, entity: draft.entity,
                                          residentIDs: draft.residentIDs, detail: draft.detail)
            try database.auditSpool.append(entry) {
                try database.writer.read { db in
                    try Int64.fetchOne(db, sql: "SELECT coalesce(max(spool_id), 0) FROM audit_log") ?? 0
                }
            }
        }
    }

    /// Folds the spool into the chain if anything waits there and the write lock is free; reading
    /// the audit log then shows every read recorded so far.
    func foldIfFree() throws {
        guard try database.auditSpool.pendingCount() > 0 else { return }
        do {
            try writeAtOnce { db in try AuditWriter.fold(database.auditSpool, in: db) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            return
        }
    }

    /// One write transaction on the audit's own connection that waits at most
    /// `lockWaitMilliseconds` for the lock, then fails with `SQLITE_BUSY`; the connection's
    /// usual busy timeout is put back afterwards.
    private func writeAtOnce(_ updates: (Database) throws -> Void) throws {
        try database.auditWriter().inDatabase { db in
            let usual = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
            try db.execute(sql: "PRAGMA busy_timeout = \(Self.lockWaitMilliseconds)")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(usual)") }
            try db.inTransaction(.immediate) {
                try updates(db)
                return .commit
            }
        }
    }
}
