/// The checks the law implies for one notification. Pure: the import runs them on each row
/// and keeps what they find; the episode findings (a separation without a hire, a second hire)
/// need the history and are made by the import itself.
public struct EmploymentChecks: Sendable {
    /// Hours a week at or above which a worker must be in employment insurance.
    public var insuranceWeeklyHours: Double
    /// The most a worker with permission for another activity may work.
    public static let permittedWeeklyHours = 28.0

    public init(insuranceWeeklyHours: Double) {
        self.insuranceWeeklyHours = insuranceWeeklyHours
    }

    public func findings(for notice: EmploymentNotice) -> [EmploymentFinding] {
        var found: [EmploymentFinding] = []
        let event = notice.isHire ? "hire" : "separation"
        let deadline = notice.deadline
        if notice.reportDate > deadline {
            let rule = notice.employmentInsurance
                ? (notice.isHire ? "the 10th of the month after the hire month" : "10 days after the separation")
                : "the last day of the month after the \(event) month"
            found.append(EmploymentFinding(
                kind: .lateReport,
                reason: "The \(event) on \(notice.eventDate) was reported on \(notice.reportDate), \(deadline.days(until: notice.reportDate)) days after its deadline \(deadline) (\(rule))."))
        }
        guard notice.isHire else { return found }
        let hours = Self.hoursText(notice.weeklyHours)
        switch notice.status.workClass {
        case .none where !notice.otherActivityPermission:
            found.append(EmploymentFinding(
                kind: .workNotPermitted,
                reason: "\(notice.status.englishName) allows no work without permission for another activity, and none is reported."))
        case .none where notice.weeklyHours > Self.permittedWeeklyHours:
            found.append(EmploymentFinding(
                kind: .workNotPermitted,
                reason: "\(notice.status.englishName) with permission for another activity allows at most 28 hours a week; \(hours) are contracted."))
        case .review:
            found.append(EmploymentFinding(
                kind: .workReview, reason: "Designated Activities: whether this work is allowed depends on the designation."))
        default:
            break
        }
        if notice.weeklyHours >= insuranceWeeklyHours && !notice.employmentInsurance {
            found.append(EmploymentFinding(
                kind: .eiMissing,
                reason: "\(hours) contracted hours a week (the threshold is \(Self.hoursText(insuranceWeeklyHours))) and not in employment insurance."))
        }
        if let expiry = notice.stayExpiry, expiry < notice.eventDate {
            found.append(EmploymentFinding(
                kind: .stayExpired, reason: "The period of stay ended on \(expiry), before the hire on \(notice.eventDate)."))
        }
        return found
    }

    /// Hours as the report wrote them: `28`, `27.5`, `19.75`.
    static func hoursText(_ hours: Double) -> String { HoursText.of(hours) }
}
