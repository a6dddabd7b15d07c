import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// Attendance per session by hand, and placement and exit assessments. (A provider's file of
/// marks is a partner file like any other: `FileImport` with `.attendance(course:)`.) Only people
/// who were given a seat in the course can be marked; a mark given again replaces the earlier one.
public struct AttendanceService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Marks the people named present or absent at session `number`.
    public func mark(course courseID: Int64, session number: Int, present: [ResidentRef], absent: [ResidentRef],
                     by staff: StaffMember) throws -> Int {
        guard !present.isEmpty || !absent.isEmpty else {
            throw ServiceError.usage("Name at least one person with --present or --absent.")
        }
        return try context.perform(.courseEnroll, by: staff, action: .courseAttend, entity: .courseAttendance) { db, audit in
            let marks = try AttendanceMarks(course: try Course.fetch(courseID, in: db), source: .hand, login: staff.login,
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

    /// Records a placement and/or exit assessment of a person who has asked for a seat in the course.
    public func assess(_ ref: ResidentRef, course courseID: Int64, placement: LanguageLevel?, exit: LanguageLevel?,
                       on date: LocalDate?, by staff: StaffMember) throws {
        guard placement != nil || exit != nil else { throw ServiceError.usage("Give --placement, --exit or both.") }
        try context.perform(.courseEnroll, by: staff, action: .courseResults, entity: .languageAssessment) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            _ = try Course.fetch(courseID, in: db)
            guard try CourseSeatRecord.all().filter(course: courseID).filter(resident: resident.id!).isEmpty(db) == false else {
                throw ServiceError.usage("\(resident.reference) has never asked for a seat in course \(courseID).")
            }
            for (kind, level) in [(LanguageAssessmentRecord.Kind.placement, placement), (.exit, exit)] {
                guard let level else { continue }
                var assessment = LanguageAssessmentRecord(residentID: resident.id!, courseID: courseID, kind: kind, level: level,
                                                          assessedOn: date ?? context.clock.today, recordedBy: staff.login)
                try assessment.insert(db)
            }
            audit.residentIDs = [resident.id!]
            audit.detail = "course=\(courseID)" + (placement.map { " placement=\($0)" } ?? "") + (exit.map { " exit=\($0)" } ?? "")
        }
    }
}
