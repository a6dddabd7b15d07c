import KyoseiDomain
import KyoseiStore

/// A finding with the notification it was found on and, when linked, the person's register id.
public struct FindingListing: Sendable {
    public let kind: EmploymentFindingKind
    public let reason: String
    public let notification: EmploymentNotificationRecord
    public var personID: String?

    init(kind: EmploymentFindingKind, reason: String, notification: EmploymentNotificationRecord) {
        self.kind = kind
        self.reason = reason
        self.notification = notification
    }
}
