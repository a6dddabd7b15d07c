/// The checks the law implies for one notification. Pure: the import runs them on each row
/// and keeps what they find; the episode findings (a separation without a hire, a second hire)
/// need the history and are made by the import itself.
public struct EmploymentChecks: Sendable {
    /// The thresholds in force (the city's configured schedules), read for the day of the hire.
    public var law: LegalThresholds

    public init(law: LegalThresholds) {
        self.law = law
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
        switch notice.status.workClass {
        case .none where !notice.otherActivityPermission:
            found.append(EmploymentFinding(
                kind: .workNotPermitted,
                reason: "\(notice.status.englishName) allows no work without permission for another activity, and none is reported."))
        case .none:
            // The cap is a total over every employer (`WorkPermissionCap`): this job and the
            // others held on the day of the hire.
            let jobs = [try? ConcurrentJob(employer: "this employer", from: notice.eventDate, until: nil, weeklyHours: notice.weeklyHours)]
                .compactMap { $0 } + notice.otherJobs
            let cap = WorkPermissionCap.check(status: notice.status, permission: true, jobs: jobs, on: notice.eventDate, law: law)
            if cap.outcome == .exceedsCap {
                found.append(EmploymentFinding(
                    kind: .workNotPermitted,
                    reason: "\(notice.status.englishName) with permission for another activity: \(cap.reason)"))
            }
        case .review:
            found.append(EmploymentFinding(
                kind: .workReview, reason: "Designated Activities: whether this work is allowed depends on the designation."))
        default:
            break
        }
        if !notice.employmentInsurance {
            let insurance = EmploymentInsuranceApplicability.evaluate(
                weeklyHours: notice.weeklyHours, on: notice.eventDate, contract: notice.contract, student: notice.student,
                designation: notice.designation, law: law)
            if insurance.applies {
                found.append(EmploymentFinding(kind: .eiMissing, reason: insurance.reason + " Not in employment insurance."))
            }
        }
        if let expiry = notice.stayExpiry, expiry < notice.eventDate {
            found.append(EmploymentFinding(
                kind: .stayExpired, reason: "The period of stay ended on \(expiry), before the hire on \(notice.eventDate)."))
        }
        return found
    }
}
