import KyoseiDomain

/// The member of staff a call is made for: every service call names one, and its role decides
/// what it may do. The founder (who ran `init`) may do everything, and is audited like anyone.
public struct StaffMember: Sendable, Equatable {
    public let login: String
    public let role: Role
    public let isFounder: Bool
    /// The team whose case queue the member works; caseworkers and clerks see only theirs.
    public let team: String?

    public init(login: String, role: Role, isFounder: Bool, team: String? = nil) {
        self.login = login
        self.role = role
        self.isFounder = isFounder
        self.team = team
    }

    /// Whether the member sees every team's cases, or only their team's and their own.
    public var seesAllCases: Bool { isFounder || role == .supervisor || role == .admin || role == .system }

    public func may(_ permission: Permission) -> Bool {
        isFounder || PermissionMatrix.allows(role, permission)
    }
}
