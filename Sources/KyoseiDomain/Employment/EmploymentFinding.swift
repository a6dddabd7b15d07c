/// One thing a notification shows, with the reason in a plain sentence for staff.
public struct EmploymentFinding: Sendable, Hashable {
    public var kind: EmploymentFindingKind
    public var reason: String

    public init(kind: EmploymentFindingKind, reason: String) {
        self.kind = kind
        self.reason = reason
    }
}
