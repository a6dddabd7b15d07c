/// Whether an identity review still waits for a person (`open`) or has been decided
/// (`resolved`, with its `ReviewDecision`).
public enum ReviewState: String, DomainCode {
    public static let fieldName = "review state"
    case open = "OPEN"
    case resolved = "RESOLVED"
}
