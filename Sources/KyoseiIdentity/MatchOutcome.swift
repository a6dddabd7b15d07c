/// What the import does with a roster row: attach it (`matched`), raise an `IDENTITY_REVIEW`
/// case for staff (`review`), or leave it unattached (`unmatched`).
public enum MatchOutcome: String, Sendable {
    case matched = "MATCHED"
    case review = "REVIEW"
    case unmatched = "UNMATCHED"
}
