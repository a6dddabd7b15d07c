/// The classes of the national survey of foreign children's enrollment (MEXT): every
/// compulsory-age child in the register falls in exactly one.
public enum MextClass: String, DomainCode {
    public static let fieldName = "MEXT class"
    case enrolledCompulsory = "ENROLLED_COMPULSORY"
    case foreignSchool = "FOREIGN_SCHOOL"
    case notEnrolled = "NOT_ENROLLED"
    case departed = "DEPARTED"
    case unconfirmed = "UNCONFIRMED"
}
