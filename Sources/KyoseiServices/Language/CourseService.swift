import GRDB
import KyoseiDomain
import KyoseiStore

/// Courses and their schedules: creating them is for those who manage courses; listing them is
/// for anyone who enrols people. Showing one names who holds a seat and who waits, so it reads
/// personal data and is audited with those residents.
public struct CourseService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    public func create(_ draft: CourseDraft, by staff: StaffMember) throws -> Course {
        try context.perform(.courseManage, by: staff, action: .courseCreate, entity: .course) { db, audit in
            var course = CourseRecord(
                kind: draft.kind, level: draft.level, title: draft.title, provider: draft.provider, venue: draft.venue,
                startsOn: draft.startsOn, endsOn: draft.endsOn, capacity: draft.capacity, supportLanguages: draft.supportLanguages,
                createdAt: context.clock.timestamp(), createdBy: staff.login)
            try course.insert(db)
            let id = course.id!
            audit.detail = "course=\(id) \(draft.kind.rawValue) \(draft.level.rawValue) capacity=\(draft.capacity)"
            return try Course.fetch(id, in: db)
        }
    }

    /// Courses running on or after `from` (every course without it), soonest first.
    public func list(kind: CourseKind? = nil, from: LocalDate? = nil, by staff: StaffMember) throws -> [Course] {
        try context.performRead(.courseEnroll, by: staff, action: .courseList, entity: .course) { db, _ in
            try CourseRecord.summaries(kind: kind, endingOnOrAfter: from, in: db).map(Course.init)
        }
    }

    public func show(_ id: Int64, by staff: StaffMember) throws -> CourseDetail {
        try context.performRead(.courseEnroll, by: staff, action: .courseShow, entity: .course) { db, audit in
            let course = try Course.fetch(id, in: db)
            let seats = try CourseSeatRecord.occupants(ofCourse: id, in: db)
            audit.residentIDs = seats.map(\.residentID)
            audit.detail = "course=\(id)"
            return CourseDetail(
                course: course, schedule: try Self.schedule(of: id, in: db),
                enrolled: seats.filter { $0.state == .enrolled }.map(\.person),
                waitlist: seats.filter { $0.state == .waitlisted }.map(\.person))
        }
    }

    /// Adds sessions on `dates`, and with `weekly` one every seven days from the first day of the
    /// term to the last (kept in date order, numbered after those already scheduled); every date
    /// must fall within the course's term.
    public func schedule(_ id: Int64, dates: [LocalDate], weekly: Bool = false, startsAt: String,
                         by staff: StaffMember) throws -> [CourseSession] {
        try context.perform(.courseManage, by: staff, action: .courseSchedule, entity: .course) { db, audit in
            let course = try Course.fetch(id, in: db)
            var dates = dates
            if weekly {
                dates += stride(from: 0, through: course.startsOn.days(until: course.endsOn), by: 7).map { course.startsOn.adding(days: $0) }
            }
            var number = try CourseSessionRecord.all().filter(course: id).select(max(Column("number")), as: Int.self).fetchOne(db) ?? 0
            for date in Set(dates).sorted() {
                guard course.startsOn <= date && date <= course.endsOn else {
                    throw ValidationError(field: "session date", value: date.description,
                                          reason: "is outside the course's term \(course.startsOn) to \(course.endsOn)")
                }
                number += 1
                var session = CourseSessionRecord(courseID: id, number: number, heldOn: date, startsAt: startsAt)
                try session.insert(db)
            }
            audit.detail = "course=\(id) sessions+=\(Set(dates).count)"
            return try Self.schedule(of: id, in: db)
        }
    }

    static func schedule(of id: Int64, in db: Database) throws -> [CourseSession] {
        try CourseSessionRecord.all().filter(course: id).inOrder().fetchAll(db).map {
            CourseSession(number: $0.number, heldOn: $0.heldOn, startsAt: $0.startsAt)
        }
    }
}
