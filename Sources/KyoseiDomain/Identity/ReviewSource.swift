/// Where the person an identity review asks about came from; each source is resolved with its
/// own policy (`IdentityPolicy`) and a decision updates that source's link.
public enum ReviewSource: String, DomainCode {
    public static let fieldName = "review source"
    /// A register row that may be a walk-in the city already serves.
    case register = "REGISTER"
    /// A member on an insurance roster.
    case insurance = "INSURANCE"
    /// A student on a school roster.
    case school = "SCHOOL"
    /// An employment notification whose card holder differs from the person reported.
    case employment = "EMPLOYMENT"
    /// A course attendance file; it names people by reference, so it raises no review today and
    /// its list is empty, but staff may ask for it.
    case attendance = "ATTENDANCE"

    /// The `identity_review.subject_entity` of this source's reviews (nil: the register's, which
    /// ask about the resident the row created).
    public var subjectEntity: String? {
        switch self {
        case .register: nil
        case .insurance: "insurance_member"
        case .school: "school_student"
        case .employment: "employment_notification"
        case .attendance: "course_attendance"
        }
    }
}
