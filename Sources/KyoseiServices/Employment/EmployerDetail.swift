import KyoseiStore

/// One employer: its counts, establishments, and notifications with findings by notification id.
public struct EmployerDetail: Sendable {
    public let summary: EmployerSummary
    public let establishments: [String]
    public let notifications: [EmploymentNotificationRecord]
    public let findings: [Int64: [EmploymentFindingRecord]]
}
