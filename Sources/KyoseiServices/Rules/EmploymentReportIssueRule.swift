import GRDB
import KyoseiDomain
import KyoseiStore

/// A notification linked to a resident that shows something to act on (`EmploymentFindingKind`):
/// one case per finding, keyed by the finding kind, the employer, the report type and the event
/// date, so a resent notification or a re-run never raises it twice and two employers' reports
/// of the same person stay two pieces of work. Findings are facts about a filed report and do not
/// go away, so these cases are closed by staff, never by the rule.
struct EmploymentReportIssueRule: CaseRule {
    let name = "EMPLOYMENT_REPORT_ISSUE"
    let caseType = CaseType.employmentReportIssue

    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws {
        let issues = try EmploymentFindingRecord.issues(in: db)
        while let issue = try issues.next() {
            let kind = issue.kind
            try found(RuleFinding(
                residentID: issue.residentID, cause: "\(kind.rawValue):\(issue.employerID):\(issue.reportType):\(issue.eventDate)",
                title: Self.title(kind, establishment: issue.establishmentName),
                detail: issue.reason, priority: Self.priority(kind), dueDate: asOf.adding(days: kind == .lateReport ? 30 : 14),
                district: issue.districtCode.flatMap { try? DistrictCode($0) },
                links: [(.employmentNotification, String(issue.notificationID)), (.employer, issue.employerID)]))
        }
    }

    static func title(_ kind: EmploymentFindingKind, establishment: String) -> String {
        switch kind {
        case .lateReport: "Employment report filed late by \(establishment)"
        case .workNotPermitted: "Work not permitted by the status: \(establishment)"
        case .workReview: "Check the designation allows work at \(establishment)"
        case .eiMissing: "No employment insurance at \(establishment)"
        case .stayExpired: "Hired at \(establishment) after the stay ended"
        case .separationWithoutHire: "Separation from \(establishment) with no hire on record"
        case .hireAlreadyOpen: "Second hire at \(establishment) with no separation"
        }
    }

    /// Work the status does not allow, or no status at all, can cost the person their stay.
    static func priority(_ kind: EmploymentFindingKind) -> CasePriority {
        switch kind {
        case .workNotPermitted, .stayExpired: .high
        case .eiMissing, .workReview: .normal
        case .lateReport, .separationWithoutHire, .hireAlreadyOpen: .low
        }
    }
}
