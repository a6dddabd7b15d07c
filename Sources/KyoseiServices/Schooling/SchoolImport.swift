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
    let action = AuditAction.importSchool
    let entity = EntityKind.schoolRoster
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
        SchoolRun(year: year!, fileID: file.id!, fileName: name,
                  resolver: try .loading(.scored, in: db),
                  students: try StudentTable(in: db, login: staff.login, timestamp: context.clock.timestamp()),
                  reviews: try IdentityReviewWriter(source: .school, timestamp: context.clock.timestamp(), in: db))
    }

    static func inboxOrder(_ name: IntakeFileName) -> String? {
        if case .school(let year, let term) = name { "\(year)-\(term)" } else { nil }
    }
}

struct SchoolRun: ImportRun {
    let year: Int
    let fileID: Int64
    let fileName: String
    /// The scored policy; its weights are learned from the first rows.
    var resolver: IdentityResolver
    var students: StudentTable
    var reviews: IdentityReviewWriter
    var counts = RosterCounts()
    var applied = 0
    var linked: [Int64] = []

    /// Rows held until the weights are estimated from them (`ParametersSample`); then none.
    var held: [(row: SchoolRosterRow, line: Int)] = []

    mutating func apply(_ row: SchoolRosterRow, line: Int, recordText: RecordText, in db: Database) throws -> Reject? {
        held.append((row, line))
        if resolver.parameters != nil || held.count == ParametersSample.rows { try settle(in: db) }
        return nil
    }

    /// Estimates the weights from the rows held the first time, then applies the held rows.
    private mutating func settle(in db: Database) throws {
        if resolver.parameters == nil {
            resolver.learn(from: held.map(\.row).filter { students.find(school: $0.schoolCode, student: $0.studentNumber)?.residentID == nil }
                .map(IncomingPerson.init))
        }
        for (row, line) in held { try settle(row, line: line, in: db) }
        held.removeAll()
    }

    private mutating func settle(_ row: SchoolRosterRow, line: Int, in db: Database) throws {
        let source = ChangeSource(.fileImport, reference: "\(fileName) line \(line)")
        var student = students.find(school: row.schoolCode, student: row.studentNumber)
        if student?.residentID != nil {
            counts.known += 1
        } else {
            let resolution = try resolver.resolve(IncomingPerson(row), in: db)
            student = RosterLink.deciding(student, by: resolution, refusing: student?.refused(by: reviews) ?? [], counting: &counts)
            if student!.outcome == .review {
                student = try students.save(student!, row: row, fileID: fileID, source: source, in: db)
                try raiseReview(student: student!, row: row, resolution: resolution, in: db)
            }
        }
        student = try students.save(student!, row: row, fileID: fileID, source: source, in: db)
        try students.saveTermRow(student: student!, row: row, year: year, fileID: fileID, source: source, in: db)
        if let resident = student!.residentID { linked.append(resident) }
        applied += 1
    }

    mutating func finish(in db: Database) throws -> ImportTally {
        if !held.isEmpty { try settle(in: db) }
        try ParametersSample.store(resolver.parameters, file: fileID, in: db)
        return ImportTally(applied: applied, details: .roster(counts), touched: linked,
                    auditDetail: "matched=\(counts.matched) review=\(counts.review) unmatched=\(counts.unmatched)")
    }

    /// One review per student: a later roster that still cannot decide adds no second one.
    private mutating func raiseReview(student: StudentTable.Entry, row: SchoolRosterRow, resolution: Resolution,
                                      in db: Database) throws {
        guard let best = resolution.candidates.first, let id = student.id else { return }
        let shown = [row.nameLatin, row.nameKana].compactMap { $0 }.joined(separator: " / ")
        try reviews.raise(IdentityQuestion(
            residentID: best, candidates: resolution.candidates,
            reason: "school \(row.schoolCode) student \(row.studentNumber) (\(shown), born \(row.birthDate)): \(resolution.reason)",
            sourceRef: fileName, subjectID: String(id), explanation: resolution.decision?.explanation), in: db)
    }
}
