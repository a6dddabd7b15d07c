import Foundation
import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiIntake
import KyoseiStore

/// Applies an insurance roster (`formats.md` §2): each member is recognised as a resident by
/// the identity resolver (a stable member number keeps its link from roster to roster), each
/// row's enrollment is recorded, and enrollments the source no longer lists end on the roster's
/// date. Same integrity, reject and idempotency rules as the register sync; one transaction.
public struct InsuranceImportService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Links a roster member to a resident after a person checked it (an identity review), so
    /// this and every later roster counts their enrollments for that resident.
    public func confirm(member id: Int64, resident ref: ResidentRef, by staff: StaffMember) throws -> InsuranceMemberRecord {
        try context.perform(.residentWrite, by: staff, action: "insurance.confirm", entity: "insurance_member") { db, audit in
            guard var member = try InsuranceMemberRecord.fetchOne(db, key: id) else {
                throw ServiceError.notFound("No insurance member \(id).")
            }
            let resident = try ResidentWrites.fetch(ref, in: db)
            member.residentID = resident.id
            member.matchOutcome = "CONFIRMED"
            try member.update(db)
            try db.execute(sql: "UPDATE enrollment SET resident_id = ? WHERE member_id = ?", arguments: [resident.id!, id])
            try db.execute(sql: """
                UPDATE identity_review SET state = 'RESOLVED' WHERE subject_entity = 'insurance_member' AND subject_id = ?
                """, arguments: [String(id)])
            audit.residentIDs = [resident.id!]
            audit.detail = "member=\(id) \(member.scheme) \(member.memberNumber)"
            return member
        }
    }

    public func apply(path: String, asOf: LocalDate? = nil, matchReport: String? = nil,
                      by staff: StaffMember) throws -> RosterImportOutcome {
        let name = (path as NSString).lastPathComponent
        var report: MatchReportWriter?
        do {
            guard case .insurance(let scheme, let source, let fileDate) = try IntakeFileName(path) else {
                throw IntakeError(file: name, reason: "is not an insurance roster (INS-<scheme>-<source>-<date>.csv)")
            }
            let rosterDate = asOf ?? fileDate
            let reader = try IntakeReader(path: path, kind: InsuranceRosterKind(scheme: scheme))
            report = try matchReport.map { try MatchReportWriter(path: $0) }
            let writer = report
            let outcome = try context.perform(.fileImport, by: staff, action: "import.insurance", entity: "insurance_roster") { db, audit in
                try applyLocked(reader: reader, name: name, scheme: scheme, source: source, rosterDate: rosterDate,
                                report: writer, staff: staff, db: db, audit: &audit)
            }
            try report?.finish(keep: outcome.outcome == .applied)
            return outcome
        } catch let error as IntakeError {
            try report?.finish(keep: false)
            return try refuse(RosterImportOutcome(file: name, outcome: .refused, reason: error.description), by: staff)
        } catch let refusal as RosterRefusal {
            try report?.finish(keep: false)
            return try refuse(RosterImportOutcome(file: name, outcome: .refused, reason: refusal.reason), by: staff)
        }
    }

    private func applyLocked(
        reader: IntakeReader<InsuranceRosterKind>, name: String, scheme: InsuranceScheme, source: String, rosterDate: LocalDate,
        report: MatchReportWriter?, staff: StaffMember, db: Database, audit: inout AuditDraft
    ) throws -> RosterImportOutcome {
        var outcome = RosterImportOutcome(file: name, outcome: .applied)
        if let done = try IntakeFileRecord.all().filter(kind: .insurance).filter(sha256: reader.scan.sha256).fetchOne(db) {
            outcome.outcome = .alreadyApplied
            outcome.reason = "\(done.fileName) with the same contents was applied on \(done.appliedAt); nothing changed"
            return outcome
        }
        let prefix = "INS-\(scheme.rawValue)-\(source)-"
        if let latest = try String.fetchOne(db, sql: """
            SELECT max(as_of) FROM intake_file WHERE kind = 'INSURANCE' AND substr(file_name, 1, ?) = ?
            """, arguments: [prefix.count, prefix]), latest > rosterDate.description {
            throw RosterRefusal(reason: "a newer \(scheme) roster from \(source) (as of \(latest)) was already applied; this one is as of \(rosterDate)")
        }
        let timestamp = context.clock.timestamp()
        var file = IntakeFileRecord(
            kind: .insurance, fileName: name, sha256: reader.scan.sha256, sequence: nil, exportKind: nil,
            asOf: rosterDate.description, encoding: reader.scan.encoding.rawValue,
            header: try RejectedRecord.headerText(reader.header), rowCount: 0, rowsApplied: 0, rowsRejected: 0, summary: "",
            appliedAt: timestamp, appliedBy: staff.login)
        try file.insert(db)
        let fileID = file.id!
        let (index, personIDs) = try Self.identityIndex(in: db)
        var members = try MemberTable(scheme: scheme, source: source, in: db)
        var reviewed = Set(try String.fetchAll(
            db, sql: "SELECT subject_id FROM identity_review WHERE subject_entity = 'insurance_member'"))
        var rejects: [Reject] = []
        var matchedResidents: [Int64] = []
        var batch: [InsuranceRow] = []
        // Rows are matched a batch at a time on every core (the index only reads once built),
        // then applied in file order on this connection.
        func flush() throws {
            let pending = batch.indices.filter { members.find(insurer: batch[$0].insurerNumber, member: batch[$0].memberNumber)?.residentID == nil }
            let decisions = index.matchAll(pending.map { i in
                IdentityQuery(nameKana: batch[i].nameKana, nameLatin: nil, birthDate: batch[i].birthDate, sex: batch[i].sex,
                              cardNumber: batch[i].cardNumber)
            })
            var decisionFor: [Int: MatchDecision] = [:]
            for (i, decision) in zip(pending, decisions) { decisionFor[i] = decision }
            for (i, row) in batch.enumerated() {
                var member = members.find(insurer: row.insurerNumber, member: row.memberNumber)
                if member?.residentID != nil {
                    outcome.known += 1
                } else {
                    // A member listed twice in one batch was not pending when the batch was matched.
                    let decision = decisionFor[i] ?? index.match(IdentityQuery(
                        nameKana: row.nameKana, nameLatin: nil, birthDate: row.birthDate, sex: row.sex, cardNumber: row.cardNumber))
                    member = RosterLink.deciding(member, by: decision, counting: &outcome)
                    if decision.outcome == .review {
                        member = try members.save(member!, row: row, fileID: fileID, in: db)
                        if reviewed.insert(String(member!.id!)).inserted {
                            try raiseReview(member: member!, row: row, decision: decision, file: name, at: timestamp, in: db)
                        }
                    }
                }
                member = try members.save(member!, row: row, fileID: fileID, in: db)
                try MemberTable.saveEnrollment(member: member!, row: row, fileID: fileID, in: db)
                if let resident = member!.residentID { matchedResidents.append(resident) }
                try report?.write(memberNumber: row.memberNumber, outcome: member!.outcome,
                                  personID: member!.residentID.flatMap { personIDs[$0] }, score: member!.score)
                outcome.applied += 1
            }
            batch.removeAll(keepingCapacity: true)
        }
        while let item = try reader.next() {
            switch item {
            case .row(let row, _):
                batch.append(row)
                if batch.count == 4096 { try flush() }
            case .reject(let reject):
                rejects.append(reject)
            }
        }
        try flush()
        outcome.rows = reader.recordCount
        outcome.rejected = rejects.count
        outcome.ended = try endUnlisted(scheme: scheme, source: source, fileID: fileID, on: rosterDate, in: db)
        try RejectedRecord.keep(rejects, of: &file, outcome: outcome, in: db)
        audit.residentIDs = matchedResidents
        audit.detail = "file=\(name) rows=\(outcome.rows) matched=\(outcome.matched) review=\(outcome.review) unmatched=\(outcome.unmatched) ended=\(outcome.ended)"
        return outcome
    }

    /// Every resident Kyosei knows, indexed for matching (a roster names people the register
    /// lists, walk-ins the city serves, and people who have left), with their person ids for
    /// the match report.
    static func identityIndex(in db: Database) throws -> (IdentityIndex, PersonIDs) {
        let index = IdentityIndex()
        var personIDs = PersonIDs()
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT id, person_id, name_latin, name_kana, birth_date, sex, nationality, residence_card_number FROM resident
            """)
        while let row = try cursor.next() {
            guard let birth = try? LocalDate(row["birth_date"] as String), let sex = Sex(rawValue: row["sex"]) else { continue }
            let id: Int64 = row["id"]
            if let personID = row["person_id"] as String? { personIDs.set(personID, for: id) }
            index.add(IdentityRecord(
                id: id, nameLatin: row["name_latin"], nameKana: row["name_kana"], birthDate: birth, sex: sex,
                nationality: try? Nationality(row["nationality"] as String),
                cardNumber: (row["residence_card_number"] as String?).flatMap { try? ResidenceCardNumber($0) }))
        }
        return (index, personIDs)
    }

    /// A roster is the source's full current list: open enrollments of its members it no
    /// longer lists end on its date.
    private func endUnlisted(scheme: InsuranceScheme, source: String, fileID: Int64, on date: LocalDate, in db: Database) throws -> Int {
        try db.execute(sql: """
            UPDATE enrollment SET enrolled_until = ?, ended_by_file_id = ?
            WHERE (enrolled_until IS NULL OR enrolled_until > ?) AND file_id <> ?
              AND member_id IN (SELECT id FROM insurance_member WHERE scheme = ? AND source = ?)
            """, arguments: [date.description, fileID, date.description, fileID, scheme.rawValue, source])
        return db.changesCount
    }

    /// One review per roster member (the caller keeps the set of members already reviewed):
    /// a later roster that still cannot decide adds no second one.
    private func raiseReview(member: MemberTable.Entry, row: InsuranceRow, decision: MatchDecision, file: String,
                             at timestamp: String, in db: Database) throws {
        guard let best = decision.candidates.first, let id = member.id else { return }
        var review = IdentityReviewRecord(
            residentID: best, candidateIDs: decision.candidates.map { "K\($0)" }.joined(separator: ","),
            reason: "\(row.scheme) member \(row.memberNumber) (\(row.nameKana), born \(row.birthDate)): \(decision.reason)",
            sourceRef: file, createdAt: timestamp, subjectEntity: "insurance_member", subjectID: String(id))
        try review.insert(db)
    }

    private func refuse(_ outcome: RosterImportOutcome, by staff: StaffMember) throws -> RosterImportOutcome {
        context.logger.error("roster refused", metadata: ["file": "\(outcome.file)", "reason": "\(outcome.reason ?? "")"])
        try context.perform(.fileImport, by: staff, action: "import.insurance.refused", entity: "insurance_roster") { _, audit in
            audit.detail = "file=\(outcome.file) reason=\(outcome.reason ?? "")"
        }
        return outcome
    }
}

struct RosterRefusal: Error {
    let reason: String
}

/// Person ids by Kyosei id for the match report. Kyosei ids are dense row ids and an 11-digit
/// person id fits Swift's inline small string, so an array costs 16 bytes a resident where a
/// dictionary costs several times that per entry.
struct PersonIDs {
    private var ids: [String?] = []

    mutating func set(_ personID: String, for id: Int64) {
        let index = Int(id)
        if index >= ids.count { ids.append(contentsOf: repeatElement(nil, count: index - ids.count + 1)) }
        ids[index] = personID
    }

    subscript(id: Int64) -> String? { Int(id) < ids.count && id >= 0 ? ids[Int(id)] : nil }
}
