/// What staff found when they contacted or visited a child's family, MEXT's way: besides the
/// four findings of `SchoolConfirmationOutcome`, "visited, could not confirm", which puts the
/// child in the survey's class 5 instead of the difference. The services half (with a schema
/// change to the confirmations' outcome column) moves `kyosei school confirm` to this type.
public enum HomeVisitOutcome: String, DomainCode {
    public static let fieldName = "outcome"
    case enrolled = "ENROLLED"
    case foreignSchool = "FOREIGN_SCHOOL"
    case notEnrolled = "NOT_ENROLLED"
    case departing = "DEPARTING"
    case couldNotConfirm = "COULD_NOT_CONFIRM"

    public init(_ outcome: SchoolConfirmationOutcome) {
        switch outcome {
        case .enrolled: self = .enrolled
        case .foreignSchool: self = .foreignSchool
        case .notEnrolled: self = .notEnrolled
        case .departing: self = .departing
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
