import GRDB
import KyoseiDomain

/// One session of a course, numbered from 1 in the order it was scheduled.
public struct CourseSessionRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "course_session"

    public var id: Int64?
    public var courseID: Int64
    public var number: Int
    public var heldOn: LocalDate
    /// Local time as staff wrote it (`18:30`); empty when not given.
    public var startsAt: String

    public init(id: Int64? = nil, courseID: Int64, number: Int, heldOn: LocalDate, startsAt: String) {
        self.id = id
        self.courseID = courseID
        self.number = number
        self.heldOn = heldOn
        self.startsAt = startsAt
    }

    enum CodingKeys: String, CodingKey {
        case id, number
        case courseID = "course_id"
        case heldOn = "held_on"
        case startsAt = "starts_at"
    }

    public enum Columns {
        static let courseID = Column(CodingKeys.courseID)
        static let number = Column(CodingKeys.number)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DerivableRequest<CourseSessionRecord> {
    public func filter(course id: Int64) -> Self { filter(CourseSessionRecord.Columns.courseID == id) }
    public func inOrder() -> Self { order(CourseSessionRecord.Columns.number) }
}
