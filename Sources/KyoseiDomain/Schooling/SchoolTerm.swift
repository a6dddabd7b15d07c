/// The school term a roster reports (the board of education sends one roster per term).
public enum SchoolTerm: String, DomainCode {
    public static let fieldName = "term"
    case t1 = "T1", t2 = "T2", t3 = "T3"
}
