/// The classes of MEXT's survey of foreign children's enrollment (外国人の子供の就学状況等調査),
/// numbered as the survey numbers them. Every compulsory-age foreign child on the register on
/// the survey day is in exactly one class, or in none: the children the municipality knows
/// nothing of make up the survey's difference against the register's head-count
/// (`MextSurveyTally.difference`), which is not a class.
///
/// Kept beside `MextClass`, whose `DEPARTED` also counts children already off the register;
/// reports that claim to follow MEXT should move to this type. For the city's review: the class definitions below paraphrase the
/// survey's instructions to boards of education, which were not checked offline.
public enum MextSurveyClass: String, DomainCode {
    public static let fieldName = "MEXT survey class"
    /// 1. Enrolled at a school of compulsory education (義務教育諸学校): elementary and junior
    /// high schools, compulsory-education schools, the first half of secondary schools and the
    /// elementary and junior-high departments of special-needs schools, public or private.
    case compulsorySchool = "COMPULSORY_SCHOOL"
    /// 2. Enrolled at a foreign or international school (外国人学校等), accredited or not.
    case foreignSchool = "FOREIGN_SCHOOL"
    /// 3. Confirmed to attend no school (不就学).
    case notEnrolled = "NOT_ENROLLED"
    /// 4. Confirmed to have left, or to be about to leave, Japan or the municipality
    /// (出国・転居（予定含む）), while still on the register.
    case departingOrMoving = "DEPARTING_OR_MOVING"
    /// 5. Contacted or visited, and the schooling could still not be confirmed
    /// (就学状況確認できず): no one at home, no answer, the family would not say.
    case couldNotConfirm = "COULD_NOT_CONFIRM"

    /// The survey's number for the class.
    public var number: Int {
        switch self {
        case .compulsorySchool: 1
        case .foreignSchool: 2
        case .notEnrolled: 3
        case .departingOrMoving: 4
        case .couldNotConfirm: 5
        }
    }

    /// The definition as `report schooling` states it.
    public var definition: String {
        switch self {
        case .compulsorySchool: "1. Enrolled at a compulsory-education school (public or private, special-needs departments included)."
        case .foreignSchool: "2. Enrolled at a foreign or international school."
        case .notEnrolled: "3. Confirmed to attend no school."
        case .departingOrMoving: "4. Confirmed to have left or to be leaving Japan or the city (still on the register)."
        case .couldNotConfirm: "5. Contacted or visited, and schooling could not be confirmed."
        }
    }

    /// The sentence that defines the difference, for the report's notes.
    public static let differenceDefinition =
        "Difference: children on the register of compulsory age less classes 1 to 5, the children the city has no information on."
}
