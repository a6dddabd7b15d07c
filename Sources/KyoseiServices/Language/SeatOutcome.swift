/// Where a request for a seat ended: in a seat, or on the waitlist at `position` (1 = next).
public struct SeatOutcome: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case enrolled, waitlisted }
    public var outcome: Kind
    public var position: Int?

    /// `position` is written as null when enrolled, as programs expect the key to be there.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(position, forKey: .position)
    }
}
