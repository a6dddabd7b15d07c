/// What a member of staff found on a home visit, recorded with `kyosei school confirm`.
public enum SchoolConfirmationOutcome: String, DomainCode {
    public static let fieldName = "outcome"
    case notEnrolled = "NOT_ENROLLED"
    case foreignSchool = "FOREIGN_SCHOOL"
    case departing = "DEPARTING"
    case enrolled = "ENROLLED"

    /// The class a confirmation puts the child in while it counts.
    public var mextClass: MextClass {
        switch self {
        case .notEnrolled: .notEnrolled
        case .foreignSchool: .foreignSchool
        case .departing: .departed
        case .enrolled: .enrolledCompulsory
        }
    }
}
