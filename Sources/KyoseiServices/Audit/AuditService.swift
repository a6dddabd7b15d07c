import GRDB
import KyoseiDomain
import KyoseiStore

/// Reading and checking the audit log. Reading it is itself audited.
public struct AuditService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Walks the whole chain and reports the first entry whose link or hash does not hold, and
    /// how many entries still wait in the audit spool (folded first when the lock is free).
    public func verify(by staff: StaffMember) throws -> AuditVerification {
        try context.foldAuditSpool()
        var verification = try context.performRead(.auditRead, by: staff, action: .auditVerify, entity: .auditLog) { db, audit in
            let result = try Self.walk(db)
            audit.detail = result.isIntact ? "intact entries=\(result.entries)" : "broken at \(result.firstBrokenSeq ?? 0)"
            return result
        }
        verification.spooled = try context.database.auditSpool.pendingCount()
        return verification
    }

    /// Checks each entry's link and hash, and that the residents `audit_subject` holds for it are
    /// exactly those its hashed `record_ids` name (listed, or counted and digested): a subject
    /// removed or added behind Kyosei's back would change what `audit log --person` shows while
    /// the chain itself still held. Subjects are read in entry order beside the entries, in one pass.
    static func walk(_ db: Database) throws -> AuditVerification {
        var previousHash = AuditWriter.genesis
        var expectedSeq: Int64 = 1
        var count = 0
        let cursor = try AuditEntryRecord.order(Column("seq")).fetchCursor(db)
        var subjects = try AuditSubjectCursor(db)
        while let entry = try cursor.next() {
            count += 1
            if entry.seq != expectedSeq {
                return AuditVerification(entries: count, head: nil, firstBrokenSeq: entry.seq,
                    problem: "entry \(entry.seq) follows entry \(expectedSeq - 1): entries \(expectedSeq)…\(entry.seq - 1) are missing")
            }
            if entry.previousHash != previousHash {
                return AuditVerification(entries: count, head: nil, firstBrokenSeq: entry.seq,
                    problem: "entry \(entry.seq) does not link to the entry before it (an entry was removed, inserted or changed)")
            }
            if AuditWriter.hash(previous: previousHash, canonical: entry.canonicalText) != entry.hash {
                return AuditVerification(entries: count, head: nil, firstBrokenSeq: entry.seq,
                    problem: "entry \(entry.seq) was changed after it was written (its hash does not match its content)")
            }
            if let stray = subjects.stray(before: entry.seq) {
                return AuditVerification(entries: count, head: nil, firstBrokenSeq: stray,
                    problem: "residents are recorded for entry \(stray), which the log does not hold")
            }
            if AuditWriter.recordIDsText(try subjects.take(entry.seq)) != entry.recordIDs {
                return AuditVerification(entries: count, head: nil, firstBrokenSeq: entry.seq,
                    problem: "the residents recorded for entry \(entry.seq) were changed after it was written")
            }
            previousHash = entry.hash
            expectedSeq += 1
        }
        if let stray = subjects.stray(before: .max) {
            return AuditVerification(entries: count, head: nil, firstBrokenSeq: stray,
                problem: "residents are recorded for entry \(stray), which the log does not hold")
        }
        return AuditVerification(entries: count, head: count == 0 ? nil : "\(expectedSeq - 1):\(previousHash)",
                                 firstBrokenSeq: nil, problem: nil)
    }

    public func log(_ filter: AuditFilter, by staff: StaffMember) throws -> [AuditEntryRecord] {
        try context.foldAuditSpool()
        return try context.performRead(.auditRead, by: staff, action: .auditLog, entity: .auditLog) { db, audit in
            var resident: Int64?
            if let ref = filter.person {
                resident = try ResidentWrites.fetch(ref, in: db).id!
                audit.residentIDs = [resident!]
            }
            audit.detail = filter.description
            return try AuditEntryRecord.newest(filter.limit, resident: resident, login: filter.staff, since: filter.since,
                                               in: db).reversed()
        }
    }
}

public struct AuditVerification: Sendable, Equatable {
    public let entries: Int
    /// `N:HASH` of the last entry when the chain holds.
    public let head: String?
    public let firstBrokenSeq: Int64?
    public let problem: String?
    /// Entries of reads waiting in the audit spool, not yet in the chain.
    public var spooled = 0
    public var isIntact: Bool { problem == nil }
}

public struct AuditFilter: Sendable, CustomStringConvertible {
    public var person: ResidentRef?
    public var staff: String?
    public var since: LocalDate?
    public var limit: Int

    public init(person: ResidentRef? = nil, staff: String? = nil, since: LocalDate? = nil, limit: Int = 200) {
        self.person = person
        self.staff = staff
        self.since = since
        self.limit = limit
    }

    public var description: String {
        [person.map { "person=\($0)" }, staff.map { "staff=\($0)" }, since.map { "since=\($0)" }, "limit=\(limit)"]
            .compactMap { $0 }.joined(separator: " ")
    }
}
