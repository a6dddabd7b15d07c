/// The classes of the national survey of foreign children's enrollment (MEXT): every
/// compulsory-age child in the register falls in exactly one.
public enum MextClass: String, DomainCode {
    public static let fieldName = "MEXT class"
    case enrolledCompulsory = "ENROLLED_COMPULSORY"
    case foreignSchool = "FOREIGN_SCHOOL"
    case notEnrolled = "NOT_ENROLLED"
    case departed = "DEPARTED"
    /// On the register and nothing known: no roster lists the child and no visit is recorded
    /// (MEXT's difference, less the departed still on the register that `DEPARTED` counts).
    case unconfirmed = "UNCONFIRMED"
    /// MEXT's class 5: contacted or visited, and the schooling could still not be confirmed.
    /// Apart from `UNCONFIRMED`, which is the survey's difference, not a class.
    case couldNotConfirm = "COULD_NOT_CONFIRM"
}
