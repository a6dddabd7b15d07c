/// What staff found when they contacted or visited a child's family, recorded with `kyosei
/// school confirm`, MEXT's way: enrolled, at a foreign school, attending none, leaving, or
/// "visited, could not confirm", which puts the child in the survey's class 5 instead of the
/// difference.
public enum HomeVisitOutcome: String, DomainCode {
    public static let fieldName = "outcome"
    case enrolled = "ENROLLED"
    case foreignSchool = "FOREIGN_SCHOOL"
    case notEnrolled = "NOT_ENROLLED"
    case departing = "DEPARTING"
    case couldNotConfirm = "COULD_NOT_CONFIRM"

    /// The class a visit puts the child in while it counts.
    public var mextClass: MextClass {
        switch self {
        case .notEnrolled: .notEnrolled
        case .foreignSchool: .foreignSchool
        case .departing: .departed
        case .enrolled: .enrolledCompulsory
        case .couldNotConfirm: .couldNotConfirm
        }
    }

    public var surveyClass: MextSurveyClass {
        switch self {
        case .enrolled: .compulsorySchool
        case .foreignSchool: .foreignSchool
        case .notEnrolled: .notEnrolled
        case .departing: .departingOrMoving
        case .couldNotConfirm: .couldNotConfirm
        }
    }
}
