import GRDB
import KyoseiDomain
import KyoseiStore

/// A registered resident whose period of stay ends within the configured window (or ended in
/// the last 90 days without a renewal reaching the register): help them renew before they
/// lose their status. A renewal changes the expiry date, so the old cause goes away.
struct StayExpiringRule: CaseRule {
    let name = "STAY_EXPIRING"
    let caseType = CaseType.stayExpiring

    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws {
        try RuleSubject.expiringStays(from: asOf.adding(days: -90), to: asOf.adding(days: settings.stayExpiryWindowDays),
                                      in: db).forEach { subject in
            let expiry = try LocalDate(subject.date!)
            let days = asOf.days(until: expiry)
            let priority: CasePriority = days <= 0 ? .urgent : days <= 14 ? .high : days <= 30 ? .normal : .low
            let status = subject.statusOfResidence ?? "no status"
            try found(RuleFinding(
                residentID: subject.id, cause: "expiry:\(expiry)",
                title: days < 0 ? "Stay expired on \(expiry) (\(status))" : "Stay expires on \(expiry) (\(status))",
                detail: days < 0 ? "The period of stay ended \(-days) days ago and no renewal has reached the register."
                    : "The period of stay ends in \(days) days.",
                priority: priority, dueDate: max(asOf.adding(days: 2), expiry.adding(days: -14)),
                district: subject.districtCode.flatMap { try? DistrictCode($0) }))
        }
    }
}
