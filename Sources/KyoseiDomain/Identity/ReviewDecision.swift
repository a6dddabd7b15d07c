/// What a person decided about an identity review.
public enum ReviewDecision: String, DomainCode {
    public static let fieldName = "review decision"
    /// The incoming person is the named resident; the source's link now points at them.
    case linked = "LINKED"
    /// The incoming person is none of the candidates; no link is made, and later rosters do not
    /// attach them automatically to the candidates.
    case rejected = "REJECTED"
}
