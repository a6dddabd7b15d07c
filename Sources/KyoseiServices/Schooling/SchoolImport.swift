import Foundation
import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiIntake
import KyoseiStore

/// A school roster (`SCH-<school year>-<term>.csv`): each student is recognised as a resident by
/// the identity resolver (a stable student number keeps its link from term to term), and each row
/// replaces the same term's earlier row for that student. A child who is not a resident stays
/// unmatched and is never attached to someone else; an uncertain link becomes an identity review
/// and no link.
struct SchoolImport: ImportKind {
    static let recordKind = IntakeFileRecord.Kind.school
    let action = "import.school"
    let entity = "school_roster"
    let emptyDetails = ImportDetails.roster(RosterCounts())
    private var year: Int?
    private var today: LocalDate?

    var facts: ImportFacts { ImportFacts(asOf: today?.description) }

    mutating func open(path: String, name: String, context: ServiceContext) throws -> IntakeReader<SchoolRosterKind> {
        guard case .school(let year, let term) = try IntakeFileName(path) else {
            throw IntakeError(file: name, reason: "is not a school roster (SCH-<school year>-<term>.csv)")
        }
        self.year = year
        today = context.clock.today
        return try IntakeReader(path: path, kind: SchoolRosterKind(term: term))
    }

    func begin(file: IntakeFileRecord, name: String, staff: StaffMember, context: ServiceContext, in db: Database) throws -> SchoolRun {
        SchoolRun(year: year!, fileID: file.id!, fileName: name, timestamp: context.clock.timestamp(),
                  index: try ResidentIdentityIndex.load(in: db).0, students: try StudentTable(in: db))
    }

    static func inboxOrder(_ name: IntakeFileName) -> String? {
        if case .school(let year, let term) = name { "\(year)-\(term)" } else { nil }
    }
}

struct SchoolRun: ImportRun {
    let year: Int
    let fileID: Int64
    let fileName: String
    let timestamp: String
    let index: IdentityIndex
    var students: StudentTable
    var counts = RosterCounts()
    var applied = 0
    var linked: [Int64] = []

    mutating func apply(_ row: SchoolRosterRow, line: Int, recordText: String, in db: Database) throws -> Reject? {
        var student = students.find(school: row.schoolCode, student: row.studentNumber)
        if student?.residentID != nil {
            counts.known += 1
        } else {
            let decision = index.match(IdentityQuery(
                nameKana: row.nameKana, nameLatin: row.nameLatin, birthDate: row.birthDate, sex: row.sex, cardNumber: row.cardNumber))
            student = RosterLink.deciding(student, by: decision, counting: &counts)
            if decision.outcome == .review {
                student = try students.save(student!, row: row, fileID: fileID, in: db)
                try raiseReview(student: student!, row: row, decision: decision, in: db)
            }
        }
        student = try students.save(student!, row: row, fileID: fileID, in: db)
        try StudentTable.saveTermRow(student: student!, row: row, year: year, fileID: fileID, in: db)
        if let resident = student!.residentID { linked.append(resident) }
        applied += 1
        return nil
    }

    func finish(in db: Database) throws -> ImportTally {
        ImportTally(applied: applied, details: .roster(counts), touched: linked,
                    auditDetail: "matched=\(counts.matched) review=\(counts.review) unmatched=\(counts.unmatched)")
    }

    /// One review per student: a later roster that still cannot decide adds no second one.
    private func raiseReview(student: StudentTable.Entry, row: SchoolRosterRow, decision: MatchDecision, in db: Database) throws {
        guard let best = decision.candidates.first, let id = student.id else { return }
        let exists = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM identity_review WHERE subject_entity = 'school_student' AND subject_id = ?)
            """, arguments: [String(id)]) ?? false
        guard !exists else { return }
        let shown = [row.nameLatin, row.nameKana].compactMap { $0 }.joined(separator: " / ")
        var review = IdentityReviewRecord(
            residentID: best, candidateIDs: decision.candidates.map { "K\($0)" }.joined(separator: ","),
            reason: "school \(row.schoolCode) student \(row.studentNumber) (\(shown), born \(row.birthDate)): \(decision.reason)",
            sourceRef: fileName, createdAt: timestamp, subjectEntity: "school_student", subjectID: String(id))
        try review.insert(db)
    }
}
