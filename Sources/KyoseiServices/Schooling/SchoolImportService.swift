import Foundation
import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiIntake
import KyoseiStore

/// Applies a school roster (`formats.md` §4): each student is recognised as a resident by the
/// identity resolver (a stable student number keeps its link from term to term), and each row
/// replaces the same term's earlier row for that student. A child who is not a resident stays
/// unmatched and is never attached to someone else; an uncertain link becomes an identity review
/// and no link. Same integrity, reject and idempotency rules as the other files; one transaction.
public struct SchoolImportService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    public func apply(path: String, by staff: StaffMember) throws -> RosterImportOutcome {
        let name = (path as NSString).lastPathComponent
        do {
            guard case .school(let year, let term) = try IntakeFileName(path) else {
                throw IntakeError(file: name, reason: "is not a school roster (SCH-<school year>-<term>.csv)")
            }
            let reader = try IntakeReader(path: path, kind: SchoolRosterKind(term: term))
            return try context.perform(.fileImport, by: staff, action: "import.school", entity: "school_roster") { db, audit in
                try applyLocked(reader: reader, name: name, year: year, staff: staff, db: db, audit: &audit)
            }
        } catch let error as IntakeError {
            let outcome = RosterImportOutcome(file: name, outcome: .refused, reason: error.description)
            context.logger.error("school roster refused", metadata: ["file": "\(name)", "reason": "\(error.description)"])
            try context.perform(.fileImport, by: staff, action: "import.school.refused", entity: "school_roster") { _, audit in
                audit.detail = "file=\(name) reason=\(error.description)"
            }
            return outcome
        }
    }

    private func applyLocked(
        reader: IntakeReader<SchoolRosterKind>, name: String, year: Int, staff: StaffMember, db: Database,
        audit: inout AuditDraft
    ) throws -> RosterImportOutcome {
        var outcome = RosterImportOutcome(file: name, outcome: .applied)
        if let done = try IntakeFileRecord.all().filter(kind: .school).filter(sha256: reader.scan.sha256).fetchOne(db) {
            outcome.outcome = .alreadyApplied
            outcome.reason = "\(done.fileName) with the same contents was applied on \(done.appliedAt); nothing changed"
            return outcome
        }
        let timestamp = context.clock.timestamp()
        var file = IntakeFileRecord(
            kind: .school, fileName: name, sha256: reader.scan.sha256, sequence: nil, exportKind: nil,
            asOf: context.clock.today.description, encoding: reader.scan.encoding.rawValue,
            header: try RejectedRecord.headerText(reader.header), rowCount: 0, rowsApplied: 0, rowsRejected: 0, summary: "",
            appliedAt: timestamp, appliedBy: staff.login)
        try file.insert(db)
        let fileID = file.id!
        let (index, _) = try InsuranceImportService.identityIndex(in: db)
        var students = try StudentTable(in: db)
        var rejects: [Reject] = []
        var linked: [Int64] = []
        while let item = try reader.next() {
            guard case .row(let row, _) = item else {
                if case .reject(let reject) = item { rejects.append(reject) }
                continue
            }
            var student = students.find(school: row.schoolCode, student: row.studentNumber)
            if student?.residentID != nil {
                outcome.known += 1
            } else {
                let decision = index.match(IdentityQuery(
                    nameKana: row.nameKana, nameLatin: row.nameLatin, birthDate: row.birthDate, sex: row.sex,
                    cardNumber: row.cardNumber))
                student = RosterLink.deciding(student, by: decision, counting: &outcome)
                if decision.outcome == .review {
                    student = try students.save(student!, row: row, fileID: fileID, in: db)
                    try raiseReview(student: student!, row: row, decision: decision, file: name, at: timestamp, in: db)
                }
            }
            student = try students.save(student!, row: row, fileID: fileID, in: db)
            try StudentTable.saveTermRow(student: student!, row: row, year: year, fileID: fileID, in: db)
            if let resident = student!.residentID { linked.append(resident) }
            outcome.applied += 1
        }
        outcome.rows = reader.recordCount
        outcome.rejected = rejects.count
        try RejectedRecord.keep(rejects, of: &file, outcome: outcome, in: db)
        audit.residentIDs = linked
        audit.detail = "file=\(name) rows=\(outcome.rows) matched=\(outcome.matched) review=\(outcome.review) unmatched=\(outcome.unmatched)"
        return outcome
    }

    /// One review per student: a later roster that still cannot decide adds no second one.
    private func raiseReview(student: StudentTable.Entry, row: SchoolRosterRow, decision: MatchDecision, file: String,
                             at timestamp: String, in db: Database) throws {
        guard let best = decision.candidates.first, let id = student.id else { return }
        let exists = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM identity_review WHERE subject_entity = 'school_student' AND subject_id = ?)
            """, arguments: [String(id)]) ?? false
        guard !exists else { return }
        let shown = [row.nameLatin, row.nameKana].compactMap { $0 }.joined(separator: " / ")
        var review = IdentityReviewRecord(
            residentID: best, candidateIDs: decision.candidates.map { "K\($0)" }.joined(separator: ","),
            reason: "school \(row.schoolCode) student \(row.studentNumber) (\(shown), born \(row.birthDate)): \(decision.reason)",
            sourceRef: file, createdAt: timestamp, subjectEntity: "school_student", subjectID: String(id))
        try review.insert(db)
    }
}
