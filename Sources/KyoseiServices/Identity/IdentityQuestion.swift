import KyoseiIdentity

/// What a source could not decide about one incoming person: the residents it might be, why,
/// and, when the resolver scored them, the comparison that made it uncertain.
struct IdentityQuestion {
    /// The resident the review is raised on: the register row's own resident, or the best candidate.
    var residentID: Int64
    var candidates: [Int64]
    var reason: String
    /// The file (and line) that asked.
    var sourceRef: String
    /// The source's row the question is about (an insurance member's id); nil for the register.
    var subjectID: String?
    /// Ties one person's questions across files whose subject rows differ (`017_review_desk.sql`).
    var subjectKey: String?
    var explanation: MatchExplanation?
}
