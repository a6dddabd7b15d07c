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
        let rows = try Row.fetchCursor(db, sql: """
            SELECT f.kind, f.reason, n.id AS notification_id, n.resident_id, n.employer_id, n.report_type, n.event_date,
                   n.establishment_name, r.district_code
            FROM employment_finding f
            JOIN employment_notification n ON n.id = f.notification_id
            JOIN resident r ON r.id = n.resident_id
            ORDER BY f.id
            """)
        while let row = try rows.next() {
            guard let kind = EmploymentFindingKind(rawValue: row["kind"]) else { continue }
            let employer: String = row["employer_id"]
            let reportType: String = row["report_type"]
            let eventDate: String = row["event_date"]
            let notification: Int64 = row["notification_id"]
            try found(RuleFinding(
                residentID: row["resident_id"], cause: "\(kind.rawValue):\(employer):\(reportType):\(eventDate)",
                title: Self.title(kind, establishment: row["establishment_name"]),
                detail: row["reason"], priority: Self.priority(kind), dueDate: asOf.adding(days: kind == .lateReport ? 30 : 14),
                district: (row["district_code"] as String?).flatMap { try? DistrictCode($0) },
                links: [(.employmentNotification, String(notification)), (.employer, employer)]))
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
