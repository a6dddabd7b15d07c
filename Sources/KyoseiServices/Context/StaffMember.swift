import KyoseiDomain

/// The member of staff a call is made for: every service call names one, and its role decides
/// what it may do. The founder (who ran `init`) may do everything, and is audited like anyone.
public struct StaffMember: Sendable, Equatable {
    public let login: String
    public let role: Role
    public let isFounder: Bool

    public init(login: String, role: Role, isFounder: Bool) {
        self.login = login
        self.role = role
        self.isFounder = isFounder
    }

    public func may(_ permission: Permission) -> Bool {
        isFounder || PermissionMatrix.allows(role, permission)
    }
}
