import KyoseiDomain
import KyoseiStore

/// Attendance and assessment results: per course (everyone it seated) and per person (every
/// course they asked for, the language history).
public struct CourseResultsService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    private var completion: CourseCompletion {
        get throws { try CourseCompletion(percent: context.settings.languageCompletionPercent) }
    }

    public func results(course courseID: Int64, by staff: StaffMember) throws -> [CourseResult] {
        try context.performRead(.courseEnroll, by: staff, action: .courseResults, entity: .courseSeat) { db, audit in
            _ = try Course.fetch(courseID, in: db)
            let completion = try completion
            let seats = try SeatStanding.seated(inCourse: courseID, in: db)
            audit.residentIDs = Array(Set(seats.map(\.residentID))).sorted()
            audit.detail = "course=\(courseID)"
            return seats.map { CourseResult($0, completion: completion) }
        }
    }

    /// The person's seats and waitlist places in every course, oldest request first.
    public func history(_ ref: ResidentRef, by staff: StaffMember) throws -> [CourseResult] {
        try context.performRead(.residentRead, by: staff, action: .personLanguage, entity: .courseSeat) { db, audit in
            let resident = try ResidentWrites.fetch(ref, in: db)
            audit.residentIDs = [resident.id!]
            let completion = try completion
            return try SeatStanding.of(resident: resident.id!, in: db).map { CourseResult($0, completion: completion) }
        }
    }
}
