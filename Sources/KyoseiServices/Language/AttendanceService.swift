import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// Attendance per session, by hand or from a provider's file (`session,person,present`, read
/// through the intake pipeline), and placement and exit assessments. Only people who were given
/// a seat in the course can be marked; a mark given again replaces the earlier one.
public struct AttendanceService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Marks the people named present or absent at session `number`.
    public func mark(course courseID: Int64, session number: Int, present: [ResidentRef], absent: [ResidentRef],
                     by staff: StaffMember) throws -> Int {
        guard !present.isEmpty || !absent.isEmpty else {
            throw ServiceError.usage("Name at least one person with --present or --absent.")
        }
        return try context.perform(.courseEnroll, by: staff, action: "course.attend", entity: "course_attendance") { db, audit in
            let marks = try AttendanceMarks(course: try Course.fetch(courseID, in: db), source: "HAND", login: staff.login,
                                            timestamp: context.clock.timestamp(), db: db)
            let people = try present.map { (try ResidentWrites.fetch($0, in: db), true) } + absent.map { (try ResidentWrites.fetch($0, in: db), false) }
            for (resident, came) in people {
                if let problem = try marks.record(session: number, residentID: resident.id!, present: came) {
                    throw ServiceError.usage("\(resident.reference): \(problem).")
                }
            }
            audit.residentIDs = people.map { $0.0.id! }
            audit.detail = "course=\(courseID) session=\(number)"
            return people.count
        }
    }

    /// Applies a provider's attendance file for one course in one transaction, as an intake file
    /// like any other: a file the pipeline refuses, or a course that does not exist, changes
    /// nothing; the same bytes again are recognised and change nothing; a row naming someone or
    /// a session the course does not have is kept for `kyosei rejects` and the other rows applied.
    public func importFile(course courseID: Int64, path: String, by staff: StaffMember) throws -> AttendanceImportOutcome {
        let name = (path as NSString).lastPathComponent
        do {
            let reader = try IntakeReader(path: path, kind: AttendanceKind())
            return try context.perform(.courseEnroll, by: staff, action: "course.attend.file", entity: "course_attendance") { db, audit in
                let course = try Course.fetch(courseID, in: db)
                if let done = try IntakeFileRecord.all().filter(kind: .attendance).filter(sha256: reader.scan.sha256).fetchOne(db) {
                    audit.detail = "course=\(courseID) file=\(name) already applied"
                    return AttendanceImportOutcome(
                        file: name, course: courseID, outcome: .alreadyApplied,
                        reason: "this file was already applied to course \(done.courseID ?? courseID) as \(done.fileName) on \(done.appliedAt); nothing changed")
                }
                var file = IntakeFileRecord(
                    kind: .attendance, fileName: name, sha256: reader.scan.sha256, sequence: nil, exportKind: nil, asOf: nil,
                    encoding: reader.scan.encoding.rawValue, header: try RejectedRecord.headerText(reader.header),
                    rowCount: 0, rowsApplied: 0, rowsRejected: 0, summary: "{}",
                    appliedAt: context.clock.timestamp(), appliedBy: staff.login, courseID: courseID)
                try file.insert(db)
                let marks = try AttendanceMarks(course: course, source: "FILE", login: staff.login, timestamp: context.clock.timestamp(), db: db)
                var outcome = AttendanceImportOutcome(file: name, course: courseID, outcome: .applied)
                var touched = Set<Int64>()
                while let item = try reader.next() {
                    let reject: Reject
                    switch item {
                    case .reject(let setAside):
                        reject = setAside
                    case .row(let row, let line):
                        switch try marks.record(row) {
                        case .recorded(let residentID):
                            touched.insert(residentID)
                            outcome.marked += 1
                            continue
                        case .setAside(let columns, let reason):
                            reject = Reject(file: name, line: line, columns: columns, reasons: [reason], recordText: reader.lastRecordText)
                        }
                    }
                    try RejectedRecord.store(reject, fileID: file.id!, in: db)
                    outcome.rejects.append(reject)
                }
                file.rowCount = reader.recordCount
                file.rowsApplied = outcome.marked
                file.rowsRejected = outcome.rejects.count
                file.summary = try RejectedRecord.summaryText(
                    ["course": courseID, "rows": Int64(reader.recordCount), "marked": Int64(outcome.marked), "rejected": Int64(outcome.rejects.count)])
                try file.update(db)
                audit.residentIDs = touched.sorted()
                audit.detail = "course=\(courseID) file=\(name) marked=\(outcome.marked) rejected=\(outcome.rejects.count)"
                return outcome
            }
        } catch let error as IntakeError {
            throw ServiceError.dataRefused("The attendance file \(error.description); nothing was recorded.")
        }
    }

    /// Records a placement and/or exit assessment of a person who has asked for a seat in the course.
    public func assess(_ ref: ResidentRef, course courseID: Int64, placement: LanguageLevel?, exit: LanguageLevel?,
                       on date: LocalDate?, by staff: StaffMember) throws {
        guard placement != nil || exit != nil else { throw ServiceError.usage("Give --placement, --exit or both.") }
        try context.perform(.courseEnroll, by: staff, action: "course.results", entity: "language_assessment") { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            _ = try Course.fetch(courseID, in: db)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM course_seat WHERE course_id = ? AND resident_id = ?)",
                                    arguments: [courseID, resident.id!]) == true else {
                throw ServiceError.usage("\(resident.reference) has never asked for a seat in course \(courseID).")
            }
            for (kind, level) in [("PLACEMENT", placement), ("EXIT", exit)] {
                guard let level else { continue }
                try db.execute(sql: """
                    INSERT INTO language_assessment(resident_id, course_id, kind, level, assessed_on, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [resident.id!, courseID, kind, level.rawValue, (date ?? context.clock.today).description, staff.login])
            }
            audit.residentIDs = [resident.id!]
            audit.detail = "course=\(courseID)" + (placement.map { " placement=\($0)" } ?? "") + (exit.map { " exit=\($0)" } ?? "")
        }
    }
}
