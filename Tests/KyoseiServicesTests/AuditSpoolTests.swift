import Foundation
import GRDB
import KyoseiDomain
import KyoseiServices
import KyoseiStore
import Testing

/// Reads while another process holds the write lock (a long sync): they return at once, their
/// audit entries wait in the spool and join the chain, in order and once, at the next write.
@Suite struct AuditSpoolTests {
    @Test func aReadDuringAnOpenWriteReturnsAtOnceAndJoinsTheChainAfterIt() throws {
        let city = try TestCity()
        let ana = try city.add("SILVA ANA")
        let before = try city.sqliteCount("SELECT max(seq) FROM audit_log")
        let lock = try WriteLockHolder(path: city.path)
        let started = ContinuousClock.now
        let matches = try city.residents.find("silva", by: city.founder)
        let elapsed = ContinuousClock.now - started
        #expect(matches.map(\.resident.id) == [ana.id])
        #expect(elapsed < .milliseconds(500), "the read waited \(elapsed) for the writer")
        #expect(try city.context.database.auditSpool.pendingCount() == 1)
        lock.release()

        try city.add("TRAN AN", nationality: "VN")
        #expect(try city.context.database.auditSpool.pendingCount() == 0)
        let actions = try city.context.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE seq > ? ORDER BY seq", arguments: [before])
        }
        #expect(actions == ["resident.find", "resident.create"], "the read joins the chain before the write that folded it")
        let find = try #require(try city.context.database.writer.read { db in
            try AuditEntryRecord.filter(Column("action") == "resident.find").fetchOne(db)
        })
        #expect(find.spoolID != nil)
        #expect(find.recordIDs == ana.reference)
        #expect(find.at == city.context.clock.timestamp())
        #expect(try city.audit.verify(by: city.founder).isIntact)
    }

    @Test func aWriteInAReadTransactionFails() throws {
        let city = try TestCity()
        #expect(throws: (any Error).self) {
            try city.context.performRead(.residentRead, by: city.founder, action: .residentFind, entity: .resident) { db, _ in
                try db.execute(sql: "DELETE FROM meta")
            }
        }
        #expect(try city.sqliteCount("SELECT count(*) FROM meta") > 0)
    }

    @Test func anEntryLeftInTheSpoolByACrashAfterTheFoldIsNotFoldedTwice() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        let lock = try WriteLockHolder(path: city.path)
        _ = try city.residents.find("silva", by: city.founder)
        lock.release()
        let spooled = try city.context.database.auditSpool.pending()
        #expect(spooled.count == 1)
        try city.add("TRAN AN", nationality: "VN")
        // The process died after the commit and before the spool's clean-up: the entry is in both.
        try city.spoolQueue().write { db in
            var entry = spooled[0]
            try entry.insert(db)
        }
        #expect(try city.context.database.auditSpool.pendingCount() == 1)
        try city.add("NGUYEN LAN", nationality: "VN")
        #expect(try city.context.database.auditSpool.pendingCount() == 0)
        #expect(try city.sqliteCount("SELECT count(*) FROM audit_log WHERE action = 'resident.find'") == 1)
        #expect(try city.audit.verify(by: city.founder).isIntact)
    }

    @Test func verifyCatchesAFoldedEntryChanged() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        let lock = try WriteLockHolder(path: city.path)
        _ = try city.residents.find("silva", by: city.founder)
        lock.release()
        try city.add("TRAN AN", nationality: "VN")
        let seq = try city.sqliteCount("SELECT seq FROM audit_log WHERE spool_id IS NOT NULL")
        try city.sqlite("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET spool_id = NULL WHERE seq = \(seq)")
        let result = try city.audit.verify(by: city.founder)
        #expect(result.firstBrokenSeq == Int64(seq))
    }

    @Test func aRefusalDuringAnOpenWriteIsSpooledAndFolded() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        let analyst = try city.member("sato", .analyst)
        let lock = try WriteLockHolder(path: city.path)
        let started = ContinuousClock.now
        #expect(throws: ServiceError.self) { try city.residents.find("silva", by: analyst) }
        #expect(ContinuousClock.now - started < .milliseconds(500))
        let during = try city.audit.verify(by: city.founder)
        #expect(during.spooled == 2, "the refusal and the verify itself wait in the spool")
        lock.release()
        let after = try city.audit.verify(by: city.founder)
        #expect(after.isIntact)
        #expect(after.spooled == 0)
        #expect(try city.sqliteCount("SELECT count(*) FROM audit_log WHERE action = 'refused:resident.find' AND spool_id IS NOT NULL") == 1)
    }

    @Test func theSpoolHoldsPersonalDataAndIsOwnerOnly() throws {
        let city = try TestCity()
        let lock = try WriteLockHolder(path: city.path)
        _ = try city.residents.list(ResidentFilter(), by: city.founder)
        lock.release()
        #expect(PrivateFileMode.mode(of: city.context.database.auditSpool.path) == 0o600)
    }
}

/// Another connection holding the write lock (`BEGIN IMMEDIATE`) until released, as a sync does.
private final class WriteLockHolder: Sendable {
    private let release_ = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        let locked = DispatchSemaphore(value: 0)
        let release = release_, finished = finished
        Thread.detachNewThread {
            try? queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    locked.signal()
                    release.wait()
                    return .commit
                }
            }
            finished.signal()
        }
        locked.wait()
    }

    func release() {
        release_.signal()
        finished.wait()
    }
}

extension TestCity {
    func spoolQueue() throws -> DatabaseQueue {
        try DatabaseQueue(path: context.database.auditSpool.path)
    }

    func sqliteCount(_ sql: String) throws -> Int {
        try context.database.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }
}
