import GRDB
import KyoseiDomain
import KyoseiStore

/// A course as stored: what staff gave when creating it (read through as `course.kind`,
/// `course.capacity` …), with how many sessions it has, how many seats are taken and how many
/// people wait.
@dynamicMemberLookup
public struct Course: Sendable, Equatable, Encodable {
    public var id: Int64
    public var details: CourseDraft
    public var sessions: Int
    public var enrolled: Int
    public var waiting: Int

    public subscript<T>(dynamicMember path: KeyPath<CourseDraft, T>) -> T { details[keyPath: path] }

    enum CodingKeys: String, CodingKey {
        case id = "course_id"
        case kind, level, title, provider, venue, capacity, sessions
        case startsOn = "starts"
        case endsOn = "ends"
        case supportLanguages = "support_languages"
        case enrolled = "seats_taken"
        case waiting = "waitlist_length"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(details.kind, forKey: .kind)
        try c.encode(details.level, forKey: .level)
        try c.encode(details.title, forKey: .title)
        try c.encode(details.provider, forKey: .provider)
        try c.encode(details.venue, forKey: .venue)
        try c.encode(details.startsOn, forKey: .startsOn)
        try c.encode(details.endsOn, forKey: .endsOn)
        try c.encode(details.capacity, forKey: .capacity)
        try c.encode(details.supportLanguages, forKey: .supportLanguages)
        try c.encode(sessions, forKey: .sessions)
        try c.encode(enrolled, forKey: .enrolled)
        try c.encode(waiting, forKey: .waiting)
    }

    init(_ summary: CourseRecord.Summary) throws {
        let course = summary.course
        id = course.id!
        details = try CourseDraft(
            kind: course.kind, level: course.level, title: course.title, provider: course.provider, venue: course.venue,
            startsOn: course.startsOn, endsOn: course.endsOn, capacity: course.capacity,
            supportLanguages: course.supportLanguages.split(separator: ",").map(String.init))
        sessions = summary.sessions
        enrolled = summary.enrolled
        waiting = summary.waiting
    }

    static func fetch(_ id: Int64, in db: Database) throws -> Course {
        guard let summary = try CourseRecord.summary(id, in: db) else {
            throw ServiceError.notFound("No course \(id) in this database; `kyosei course list` shows them.")
        }
        return try Course(summary)
    }
}
