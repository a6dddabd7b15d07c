import KyoseiDomain

/// One scheduled session of a course, numbered from 1 in the order they were scheduled.
public struct CourseSession: Sendable, Equatable, Codable {
    public var number: Int
    public var heldOn: LocalDate
    public var startsAt: String

    enum CodingKeys: String, CodingKey {
        case number
        case heldOn = "held_on"
        case startsAt = "starts_at"
    }
}
