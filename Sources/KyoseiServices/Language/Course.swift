import GRDB
import KyoseiDomain

/// A course as stored, with how many seats are taken and how many people wait.
public struct Course: Sendable, Equatable, Codable {
    public var id: Int64
    public var kind: CourseKind
    public var level: LanguageLevel
    public var title: String
    public var provider: String
    public var venue: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var capacity: Int
    public var supportLanguages: [String]
    public var sessions: Int
    public var enrolled: Int
    public var waiting: Int

    enum CodingKeys: String, CodingKey {
        case id = "course_id"
        case kind, level, title, provider, venue, capacity, sessions
        case enrolled = "seats_taken"
        case waiting = "waitlist_length"
        case startsOn = "starts"
        case endsOn = "ends"
        case supportLanguages = "support_languages"
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
        kind = try CourseKind(code: row["kind"])
        level = try LanguageLevel(code: row["level"])
        title = row["title"]
        provider = row["provider"]
        venue = row["venue"]
        startsOn = try LocalDate(row["starts_on"] as String)
        endsOn = try LocalDate(row["ends_on"] as String)
        capacity = row["capacity"]
        let languages: String = row["support_languages"]
        supportLanguages = languages.split(separator: ",").map(String.init)
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
