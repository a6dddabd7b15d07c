/// Whether a roster row is the insured person or a dependent on someone's insurance.
public enum InsuranceMemberType: String, DomainCode {
    public static let fieldName = "member type"
    case insured = "INSURED"
    case dependent = "DEPENDENT"
}
