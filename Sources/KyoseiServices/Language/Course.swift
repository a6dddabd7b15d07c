import GRDB
import KyoseiDomain

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

    /// The columns `init(row:)` reads, for every query that lists courses.
    static let selection = """
        SELECT c.*, (SELECT count(*) FROM course_session s WHERE s.course_id = c.id) AS sessions,
               (SELECT count(*) FROM course_seat e WHERE e.course_id = c.id AND e.state = 'ENROLLED') AS enrolled,
               (SELECT count(*) FROM course_seat w WHERE w.course_id = c.id AND w.state = 'WAITLISTED') AS waiting
        FROM course c
        """

    init(row: Row) throws {
        id = row["id"]
        let languages: String = row["support_languages"]
        details = try CourseDraft(
            kind: CourseKind(code: row["kind"]), level: LanguageLevel(code: row["level"]), title: row["title"],
            provider: row["provider"], venue: row["venue"], startsOn: LocalDate(row["starts_on"] as String),
            endsOn: LocalDate(row["ends_on"] as String), capacity: row["capacity"],
            supportLanguages: languages.split(separator: ",").map(String.init))
        sessions = row["sessions"]
        enrolled = row["enrolled"]
        waiting = row["waiting"]
    }

    static func fetch(_ id: Int64, in db: Database) throws -> Course {
        guard let row = try Row.fetchOne(db, sql: selection + " WHERE c.id = ?", arguments: [id]) else {
            throw ServiceError.notFound("No course \(id) in this database; `kyosei course list` shows them.")
        }
        return try Course(row: row)
    }
}
