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
