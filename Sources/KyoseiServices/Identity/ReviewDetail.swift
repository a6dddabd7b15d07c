import KyoseiStore

/// One identity review as the desk shows it: the incoming person beside each candidate.
public struct ReviewDetail: Sendable {
    public let review: IdentityReviewRecord
    public let incoming: ReviewPerson
    public let candidates: [ReviewCandidate]
    /// Where the weights came from (`MatchParameters.source`), when the resolver kept them.
    public let parameters: String?
}
