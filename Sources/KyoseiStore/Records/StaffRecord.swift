import GRDB
import KyoseiDomain

/// A member of staff: an OS login mapped to a role.
public struct StaffRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "staff"
    public var login: String
    public var displayName: String
    public var role: Role
    public var team: String?
    public var active: Bool
    public var isFounder: Bool
    public var createdAt: String
    public var createdBy: String

    public init(login: String, displayName: String, role: Role, team: String?, active: Bool = true,
                isFounder: Bool = false, createdAt: String, createdBy: String) {
        self.login = login
        self.displayName = displayName
        self.role = role
        self.team = team
        self.active = active
        self.isFounder = isFounder
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    enum CodingKeys: String, CodingKey {
        case login
        case displayName = "display_name"
        case role
        case team
        case active
        case isFounder = "is_founder"
        case createdAt = "created_at"
        case createdBy = "created_by"
    }
}

extension DerivableRequest<StaffRecord> {
    public func orderedByLogin() -> Self { order(Column("login")) }
}
