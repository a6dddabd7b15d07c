/// How the outreach list is ordered: the worst first, ties by more workers, then by id.
public enum EmployerSort: String, Sendable, CaseIterable {
    case uninsured, dispatched, late
    case employerInsurance = "employer-insurance"

    func areInOrder(_ a: EmployerSummary, _ b: EmployerSummary) -> Bool {
        let keyA: Double, keyB: Double
        switch self {
        case .uninsured: (keyA, keyB) = (a.uninsuredShare, b.uninsuredShare)
        case .dispatched: (keyA, keyB) = (a.dispatchedShare, b.dispatchedShare)
        case .late: (keyA, keyB) = (Double(a.lateReports), Double(b.lateReports))
        case .employerInsurance: (keyA, keyB) = (Double(a.employerInsuranceMissingWorkers), Double(b.employerInsuranceMissingWorkers))
        }
        if keyA != keyB { return keyA > keyB }
        if a.workers != b.workers { return a.workers > b.workers }
        return a.employerID < b.employerID
    }
}
