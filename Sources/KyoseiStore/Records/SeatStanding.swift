import GRDB
import KyoseiDomain

/// One seat or waitlist place with its course, its person, and what the person made of it:
/// sessions scheduled and attended, the latest placement and exit levels in that course. The
/// results a person or a course shows and the language report count from the same columns.
public struct SeatStanding: Decodable, FetchableRecord, Sendable, Equatable {
    public var courseID: Int64
    public var kind: CourseKind
    public var level: LanguageLevel
    public var title: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var residentID: Int64
    /// The person's register id, or `K<id>` for a walk-in.
    public var person: String
    public var nationality: String
    public var state: CourseSeatRecord.State
    public var fromWaitlist: Bool
    public var requestedOn: LocalDate
    public var seatedOn: LocalDate?
    public var leftOn: LocalDate?
    public var sessions: Int
    public var attended: Int
    public var placement: LanguageLevel?
    public var exitLevel: LanguageLevel?

    enum CodingKeys: String, CodingKey {
        case kind, level, title, person, nationality, state, sessions, attended, placement
        case courseID = "course_id"
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case residentID = "resident_id"
        case fromWaitlist = "from_waitlist"
        case requestedOn = "requested_on"
        case seatedOn = "seated_on"
        case leftOn = "left_on"
        case exitLevel = "exit_level"
    }

    /// The people course `id` gave a seat, oldest request first.
    public static func seated(inCourse id: Int64, in db: Database) throws -> [SeatStanding] {
        try fetch(where: "s.course_id = ? AND s.seated_on IS NOT NULL", [id], in: db)
    }

    /// The person's seats and waitlist places in every course, oldest request first.
    public static func of(resident id: Int64, in db: Database) throws -> [SeatStanding] {
        try fetch(where: "s.resident_id = ?", [id], in: db)
    }

    /// Places in courses running at some time from `first` to `last`: those waiting and those
    /// given a seat, in no order (the report counts them).
    public static func inCourses(runningFrom first: LocalDate, to last: LocalDate, in db: Database) throws -> RecordCursor<SeatStanding> {
        try fetchCursor(db, sql: query(where: "c.starts_on <= ? AND c.ends_on >= ? AND (s.state = ? OR s.seated_on IS NOT NULL)"),
                        arguments: measured + [last, first, CourseSeatRecord.State.waitlisted.rawValue])
    }

    private static func fetch(where condition: String, _ arguments: StatementArguments, in db: Database) throws -> [SeatStanding] {
        try fetchAll(db, sql: query(where: condition) + " ORDER BY s.requested_on, s.id", arguments: measured + arguments)
    }

    private static let measured: StatementArguments = [LanguageAssessmentRecord.Kind.placement.rawValue,
                                                       LanguageAssessmentRecord.Kind.exit.rawValue]

    private static func query(where condition: String) -> String {
        """
        SELECT s.course_id, c.kind, c.level, c.title, c.starts_on, c.ends_on, r.id AS resident_id,
               \(CourseSeatRecord.personKey) AS person, r.nationality,
               s.state, s.from_waitlist, s.requested_on, s.seated_on, s.left_on,
               (SELECT count(*) FROM course_session x WHERE x.course_id = s.course_id) AS sessions,
               (SELECT count(*) FROM course_attendance a JOIN course_session x ON x.id = a.session_id
                WHERE x.course_id = s.course_id AND a.resident_id = s.resident_id AND a.present = 1) AS attended,
               (SELECT level FROM language_assessment l WHERE l.course_id = s.course_id AND l.resident_id = s.resident_id
                AND l.kind = ? ORDER BY l.assessed_on DESC, l.id DESC LIMIT 1) AS placement,
               (SELECT level FROM language_assessment l WHERE l.course_id = s.course_id AND l.resident_id = s.resident_id
                AND l.kind = ? ORDER BY l.assessed_on DESC, l.id DESC LIMIT 1) AS exit_level
        FROM course_seat s JOIN course c ON c.id = s.course_id JOIN resident r ON r.id = s.resident_id
        WHERE \(condition)
        """
    }
}
