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
    /// The comparison vector and per-field weights of the best candidate and the runner-up,
    /// worked out when asked (it took a third of the matching time when every row carried
    /// it), from the index as it is then: ask before adding residents to it. A caller that
    /// explains every row has them worked out with the decisions
    /// (`IdentityIndex.matchAll(_:using:explaining:)`).
    public var explanation: MatchExplanation { explain() }
    private let explain: @Sendable () -> MatchExplanation

    init(outcome: MatchOutcome, residentID: Int64?, candidates: [Int64], score: Double, reason: String,
         explanation: @escaping @Sendable () -> MatchExplanation) {
        self.outcome = outcome
        self.residentID = residentID
        self.candidates = candidates
        self.score = score
        self.reason = reason
        explain = explanation
    }
}

/// Why a row went where it went, field by field: what a reviewer reads beside the row, and
/// what a match report keeps so that a decision can be questioned later.
public struct MatchExplanation: Sendable, Codable {
    public let best: CandidateComparison?
    public let runnerUp: CandidateComparison?
    /// Where the weights came from (`MatchParameters.source`).
    public let parameters: String
}
