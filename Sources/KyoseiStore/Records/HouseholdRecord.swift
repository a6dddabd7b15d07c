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

extension HouseholdRecord {
    /// Records the household the first time a member names it; later members find it there.
    /// Cached: a register row may name one.
    public static func ensure(_ id: HouseholdID, at timestamp: String, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO household(household_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
            .execute(arguments: [id, timestamp])
    }
}
