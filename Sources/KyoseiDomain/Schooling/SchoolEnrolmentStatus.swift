/// A child's standing on the board of education's roster.
public enum SchoolEnrolmentStatus: String, DomainCode {
    public static let fieldName = "status"
    case enrolled = "ENROLLED"
    case withdrawn = "WITHDRAWN"
    case transferred = "TRANSFERRED"
}
