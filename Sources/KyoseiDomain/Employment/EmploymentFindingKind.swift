/// What a hire or separation notification can show that the city should act on. Each kind is
/// kept with its notification and its reason, and raises an `EMPLOYMENT_REPORT_ISSUE` case.
public enum EmploymentFindingKind: String, DomainCode {
    public static let fieldName = "finding"
    /// Filed after its deadline (`ReportingDeadline`).
    case lateReport = "LATE_REPORT"
    /// A status whose work class is `NONE`, without permission or above 28 hours a week with it.
    case workNotPermitted = "WORK_NOT_PERMITTED"
    /// Designated Activities: whether the work is allowed depends on the designation.
    case workReview = "WORK_REVIEW"
    /// Contracted hours at or above the employment-insurance threshold, and not insured.
    case eiMissing = "EI_MISSING"
    /// The period of stay had ended by the hire date.
    case stayExpired = "STAY_EXPIRED"
    /// A separation for which no hire at that employer is on record.
    case separationWithoutHire = "SEPARATION_WITHOUT_HIRE"
    /// A second hire while one at the same employer is still open.
    case hireAlreadyOpen = "HIRE_ALREADY_OPEN"
}
