import GRDB
import KyoseiDomain

/// One person's standing in one course: their seat, sessions attended against those scheduled,
/// whether that completes the course, and their latest placement and exit levels in it.
public struct CourseResult: Sendable, Equatable, Codable {
    public var courseID: Int64
    public var kind: CourseKind
    public var level: LanguageLevel
    public var title: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var person: String
    public var state: String
    public var requestedOn: LocalDate
    public var seatedOn: LocalDate?
    public var leftOn: LocalDate?
    public var attended: Int
    public var sessions: Int
    public var completed: Bool
    public var placement: LanguageLevel?
    public var exit: LanguageLevel?

    enum CodingKeys: String, CodingKey {
        case kind, level, title, person, state, attended, sessions, completed, placement, exit
        case courseID = "course_id"
        case startsOn = "starts"
        case endsOn = "ends"
        case requestedOn = "requested_on"
        case seatedOn = "seated_on"
        case leftOn = "left_on"
    }

    /// Per seat row `s`: sessions scheduled, sessions attended, the latest placement and exit
    /// levels in that course. The language report counts from the same columns.
    static let measures = """
        (SELECT count(*) FROM course_session x WHERE x.course_id = s.course_id) AS sessions,
        (SELECT count(*) FROM course_attendance a JOIN course_session x ON x.id = a.session_id
         WHERE x.course_id = s.course_id AND a.resident_id = s.resident_id AND a.present = 1) AS attended,
        (SELECT level FROM language_assessment l WHERE l.course_id = s.course_id AND l.resident_id = s.resident_id
         AND l.kind = 'PLACEMENT' ORDER BY l.assessed_on DESC, l.id DESC LIMIT 1) AS placement,
        (SELECT level FROM language_assessment l WHERE l.course_id = s.course_id AND l.resident_id = s.resident_id
         AND l.kind = 'EXIT' ORDER BY l.assessed_on DESC, l.id DESC LIMIT 1) AS exit_level
        """

    /// Every seat row matching `condition` (over `course_seat s`), oldest request first.
    static func fetch(where condition: String, arguments: StatementArguments, completion: CourseCompletion,
                      in db: Database) throws -> (results: [CourseResult], residentIDs: [Int64]) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.course_id, c.kind, c.level, c.title, c.starts_on, c.ends_on, r.id AS resident_id, \(PersonKey.sql) AS person,
                   s.state, s.requested_on, s.seated_on, s.left_on,
                   \(measures)
            FROM course_seat s JOIN course c ON c.id = s.course_id JOIN resident r ON r.id = s.resident_id
            WHERE \(condition) ORDER BY s.requested_on, s.id
            """, arguments: arguments)
        let results = try rows.map { row in
            let attended: Int = row["attended"], sessions: Int = row["sessions"]
            return CourseResult(
                courseID: row["course_id"], kind: try CourseKind(code: row["kind"]), level: try LanguageLevel(code: row["level"]),
                title: row["title"], startsOn: try LocalDate(row["starts_on"] as String), endsOn: try LocalDate(row["ends_on"] as String),
                person: row["person"], state: row["state"], requestedOn: try LocalDate(row["requested_on"] as String),
                seatedOn: try (row["seated_on"] as String?).map { try LocalDate($0) },
                leftOn: try (row["left_on"] as String?).map { try LocalDate($0) },
                attended: attended, sessions: sessions, completed: completion.isComplete(attended: attended, sessions: sessions),
                placement: try (row["placement"] as String?).map { try LanguageLevel(code: $0) },
                exit: try (row["exit_level"] as String?).map { try LanguageLevel(code: $0) })
        }
        return (results, Array(Set(rows.map { $0["resident_id"] as Int64 })).sorted())
    }
}
