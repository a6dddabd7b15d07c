import KyoseiDomain

/// The two foreign-worker notifications an employer files with Hello Work.
public enum EmploymentReportType: String, DomainCode {
    public static let fieldName = "report type"
    case hire = "HIRE"
    case separation = "SEPARATION"
}
