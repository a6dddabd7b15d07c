/// The matcher's answer for one roster row, with enough for a reviewer to act on it.
public struct MatchDecision: Sendable {
    public let outcome: MatchOutcome
    /// The resident the row is attached to; set only when `outcome` is `matched`.
    public let residentID: Int64?
    /// For `review`, the residents a person must choose between, best first; for `matched`,
    /// the matched resident.
    public let candidates: [Int64]
    /// The best candidate's Fellegi–Sunter score (a sum of log2 likelihood ratios).
    public let score: Double
    /// One plain English sentence saying why.
    public let reason: String
}
