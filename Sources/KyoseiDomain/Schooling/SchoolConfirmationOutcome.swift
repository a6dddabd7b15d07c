/// What a member of staff found on a home visit, recorded with `kyosei school confirm`.
public enum SchoolConfirmationOutcome: String, DomainCode {
    public static let fieldName = "outcome"
    case notEnrolled = "NOT_ENROLLED"
    case foreignSchool = "FOREIGN_SCHOOL"
    case departing = "DEPARTING"
    case enrolled = "ENROLLED"

    /// The command-line spelling (`not-enrolled`, `foreign-school` …).
    public init(option: String) throws {
        try self.init(code: String(option.uppercased().map { $0 == "-" ? "_" : $0 }))
    }

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
