import KyoseiDomain
import Foundation
import GRDB
import KyoseiIntake
import KyoseiStore

/// A provider's attendance file for one course (`session,person,present`): a row naming someone
/// or a session the course does not have is set aside; a course that does not exist refuses the
/// call (not the file), since nothing in the file is wrong.
struct AttendanceImport: ImportKind {
    static let recordKind = IntakeFileRecord.Kind.attendance
    let action = AuditAction.courseAttendFile
    let entity = EntityKind.courseAttendance
    let permission = Permission.courseEnroll
    let course: Int64

    var emptyDetails: ImportDetails { .attendance(AttendanceCounts(course: course)) }
    var facts: ImportFacts { ImportFacts(courseID: course) }

    mutating func open(path: String, name: String, context: ServiceContext) throws -> IntakeReader<AttendanceKind> {
        try IntakeReader(path: path, kind: AttendanceKind())
    }

    func alreadyApplied(sha256: String, in db: Database) throws -> String? {
        try IntakeFileRecord.all().filter(kind: .attendance).filter(sha256: sha256).fetchOne(db).map {
            "this file was already applied to course \($0.courseID ?? course) as \($0.fileName) on \($0.appliedAt); nothing changed"
        }
    }

    func check(in db: Database) throws {
        _ = try Course.fetch(course, in: db)
    }

    func begin(file: IntakeFileRecord, name: String, staff: StaffMember, context: ServiceContext, in db: Database) throws -> AttendanceRun {
        let marks = try AttendanceMarks(course: try Course.fetch(course, in: db), source: .file, login: staff.login,
                                        timestamp: context.clock.timestamp(), db: db)
        return AttendanceRun(marks: marks, counts: AttendanceCounts(course: course), fileName: name)
    }

    static func inboxOrder(_ name: IntakeFileName) -> String? { nil }
}

struct AttendanceRun: ImportRun {
    let marks: AttendanceMarks
    var counts: AttendanceCounts
    let fileName: String
    var touched = Set<Int64>()

    mutating func apply(_ row: AttendanceRow, line: Int, recordText: RecordText, in db: Database) throws -> Reject? {
        switch try marks.record(row) {
        case .recorded(let residentID):
            touched.insert(residentID)
            counts.marked += 1
            return nil
        case .setAside(let columns, let reason):
            return Reject(file: fileName, line: line, columns: columns, reasons: [reason], recordText: recordText.description)
        }
    }

    mutating func setAside(_ reject: Reject, header: [String], in db: Database) throws {
        counts.rejects.append(reject)
    }

    func finish(in db: Database) throws -> ImportTally {
        ImportTally(applied: counts.marked, details: .attendance(counts), touched: touched.sorted(), auditDetail: "course=\(counts.course)")
    }
}
