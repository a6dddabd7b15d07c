import GRDB
import KyoseiDomain

/// A course as staff created it: its kind and level, its term and its seats.
public struct CourseRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "course"

    public var id: Int64?
    public var kind: CourseKind
    public var level: LanguageLevel
    public var title: String
    public var provider: String
    public var venue: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var capacity: Int
    /// ISO 639-1 codes joined by commas.
    public var supportLanguages: String
    public var createdAt: String
    public var createdBy: String

    public init(id: Int64? = nil, kind: CourseKind, level: LanguageLevel, title: String, provider: String, venue: String,
                startsOn: LocalDate, endsOn: LocalDate, capacity: Int, supportLanguages: [String], createdAt: String, createdBy: String) {
        self.id = id
        self.kind = kind
        self.level = level
        self.title = title
        self.provider = provider
        self.venue = venue
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.capacity = capacity
        self.supportLanguages = supportLanguages.joined(separator: ",")
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, level, title, provider, venue, capacity
        case startsOn = "starts_on"
        case endsOn = "ends_on"
        case supportLanguages = "support_languages"
        case createdAt = "created_at"
        case createdBy = "created_by"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CourseRecord {
    /// A course with how many sessions it has, how many seats are taken and how many people wait.
    public struct Summary: FetchableRecord, Sendable {
        public var course: CourseRecord
        public var sessions: Int
        public var enrolled: Int
        public var waiting: Int

        public init(row: Row) throws {
            course = try CourseRecord(row: row)
            sessions = row["sessions"]
            enrolled = row["enrolled"]
            waiting = row["waiting"]
        }

        static let selection = """
            SELECT c.*, (SELECT count(*) FROM course_session s WHERE s.course_id = c.id) AS sessions,
                   (SELECT count(*) FROM course_seat e WHERE e.course_id = c.id AND e.state = ?) AS enrolled,
                   (SELECT count(*) FROM course_seat w WHERE w.course_id = c.id AND w.state = ?) AS waiting
            FROM course c
            """
        static let counted: StatementArguments = [CourseSeatRecord.State.enrolled.rawValue, CourseSeatRecord.State.waitlisted.rawValue]
    }

    public static func summary(_ id: Int64, in db: Database) throws -> Summary? {
        try Summary.fetchOne(db, sql: Summary.selection + " WHERE c.id = ?", arguments: Summary.counted + [id])
    }

    /// Courses of `kind` running on or after `from` (every course without either), soonest first.
    public static func summaries(kind: CourseKind?, endingOnOrAfter from: LocalDate?, in db: Database) throws -> [Summary] {
        var sql = Summary.selection + " WHERE 1"
        var arguments = Summary.counted
        if let kind {
            sql += " AND c.kind = ?"
            arguments += [kind.rawValue]
        }
        if let from {
            sql += " AND c.ends_on >= ?"
            arguments += [from]
        }
        return try Summary.fetchAll(db, sql: sql + " ORDER BY c.starts_on, c.id", arguments: arguments)
    }
}
