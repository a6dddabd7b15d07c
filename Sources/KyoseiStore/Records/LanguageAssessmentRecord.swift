import GRDB
import KyoseiDomain

/// A level a person was placed at before a course, or reached at its end.
public struct LanguageAssessmentRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "language_assessment"

    public enum Kind: String, Codable, Sendable {
        case placement = "PLACEMENT"
        case exit = "EXIT"
    }

    public var id: Int64?
    public var residentID: Int64
    public var courseID: Int64?
    public var kind: Kind
    public var level: LanguageLevel
    public var assessedOn: LocalDate
    public var recordedBy: String

    public init(id: Int64? = nil, residentID: Int64, courseID: Int64?, kind: Kind, level: LanguageLevel, assessedOn: LocalDate,
                recordedBy: String) {
        self.id = id
        self.residentID = residentID
        self.courseID = courseID
        self.kind = kind
        self.level = level
        self.assessedOn = assessedOn
        self.recordedBy = recordedBy
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, level
        case residentID = "resident_id"
        case courseID = "course_id"
        case assessedOn = "assessed_on"
        case recordedBy = "recorded_by"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
