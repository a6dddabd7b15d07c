import GRDB
import KyoseiDomain

/// A register household. Members point at it; it holds no personal data of its own.
public struct HouseholdRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "household"
    public var householdID: HouseholdID
    public var createdAt: String

    public init(householdID: HouseholdID, createdAt: String) {
        self.householdID = householdID
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case householdID = "household_id"
        case createdAt = "created_at"
    }
}
