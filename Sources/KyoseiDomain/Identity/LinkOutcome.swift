/// How a roster's person (an insurance member, a school student) stands linked to a resident:
/// as the identity resolver left them, or `confirmed` by staff at the review desk, which the
/// next roster keeps.
public enum LinkOutcome: String, DomainCode {
    public static let fieldName = "match outcome"
    case matched = "MATCHED"
    case review = "REVIEW"
    case unmatched = "UNMATCHED"
    case confirmed = "CONFIRMED"
}
