import GRDB
import KyoseiStore
import Synchronization

/// Records the audit entry of a call that wrote nothing (a read, a refusal) without waiting for
/// the write lock: into the chain when the lock can be had within `lockWaitMilliseconds`, else
/// into the audit spool, which has a lock of its own. Either way the entry is durable before
/// `record` returns, so before the caller hands any data out.
struct AuditRecorder {
    /// Long enough for a short write by another member of staff; far shorter than a sync.
    static let lockWaitMilliseconds = 100
    /// After a wait for the lock ran out, the entries of reads go straight to the spool for this
    /// long. Reads queue on the one audit connection, so without it each read behind a sync
    /// waited its own `lockWaitMilliseconds` after the previous one's: 32 clients during a
    /// register snapshot (20,000 residents) went from 106 to 31 requests/s, median 1 s.
    static let spoolAfterBusyMilliseconds = 500

    /// Per database file: until when the write lock is taken to be held by a long writer.
    private static let lockBusyUntil = Mutex<[String: ContinuousClock.Instant]>([:])

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
                    try AuditEntryRecord.lastSpoolID(in: db)
                }
            }
        }
    }

    /// Folds the spool into the chain if anything waits there and the write lock is free; reading
    /// the audit log then shows every read recorded so far.
    func foldIfFree() throws {
        guard try database.auditSpool.pendingCount() > 0 else { return }
        do {
            try writeAtOnce(spoolingWhileBusy: false) { db in try AuditWriter.fold(database.auditSpool, in: db) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            return
        }
    }

    /// One write transaction on the audit's own connection that waits at most
    /// `lockWaitMilliseconds` for the lock, then fails with `SQLITE_BUSY`, as it does without
    /// waiting for `spoolAfterBusyMilliseconds` after such a wait ran out (unless it is the fold,
    /// which someone reading the log asked for and which is worth one more try); the
    /// connection's usual busy timeout is put back afterwards, and a commit ends the window.
    private func writeAtOnce(spoolingWhileBusy: Bool = true, _ updates: (Database) throws -> Void) throws {
        try database.auditWriter().inDatabase { db in
            if spoolingWhileBusy && lockRecentlyBusy {
                throw DatabaseError(resultCode: .SQLITE_BUSY, message: "the write lock was busy a moment ago")
            }
            do {
                try db.waitingForLocks(atMost: Self.lockWaitMilliseconds) {
                    try db.inTransaction(.immediate) {
                        try updates(db)
                        return .commit
                    }
                }
                _ = Self.lockBusyUntil.withLock { $0.removeValue(forKey: database.path) }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                let until = ContinuousClock.now.advanced(by: .milliseconds(Self.spoolAfterBusyMilliseconds))
                Self.lockBusyUntil.withLock { $0[database.path] = until }
                throw error
            }
        }
    }

    /// Checked on the audit connection's queue, so the reads that queued behind one that waited
    /// in vain learn it at once instead of each waiting again.
    private var lockRecentlyBusy: Bool {
        Self.lockBusyUntil.withLock { $0[database.path].map { ContinuousClock.now < $0 } ?? false }
    }
}
