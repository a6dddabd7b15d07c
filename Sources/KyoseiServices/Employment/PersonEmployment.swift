import KyoseiStore

/// One person's notifications (with their findings, by notification id) and episodes.
public struct PersonEmployment: Sendable {
    public let resident: ResidentRecord
    public let notifications: [EmploymentNotificationRecord]
    public let episodes: [EmploymentEpisodeRecord]
    public let findings: [Int64: [EmploymentFindingRecord]]
}
