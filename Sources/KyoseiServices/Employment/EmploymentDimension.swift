/// What the employment report is cut by. Employer size is the number of workers an employer
/// has reported in all, so a single notification does not move it between bands.
public enum EmploymentDimension: String, Sendable, CaseIterable {
    case nationality, status, employerSize = "employer-size"

    static func sizeBand(workers: Int) -> String {
        switch workers {
        case ..<10: "1-9"
        case 10..<50: "10-49"
        case 50..<300: "50-299"
        default: "300+"
        }
    }
}
