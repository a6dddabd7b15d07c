import GRDB
import KyoseiDomain
import KyoseiStore

/// A registered resident under an insurance obligation that no enrollment meets: outreach, one
/// case per person and obligation, resolved when a roster shows them covered. A permanent
/// resident's pension or health gap is high once it can cost them their status (`CoverageGapPriority`).
struct CoverageGapRule: CaseRule {
    let name = "COVERAGE_GAP"
    let caseType = CaseType.coverageGap

    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws {
        try CoverageCalculator(settings: settings, date: asOf).forEachStanding(in: db) { standing in
            // Employer insurance has its own rule and case type (`EmployerInsuranceRule`).
            for (obligation, covered) in standing.obligations where !covered && obligation != .employer {
                let stakes = CoverageGapPriority.assess(obligation, status: standing.status, on: asOf, law: settings.law)
                try found(RuleFinding(
                    residentID: standing.residentID, cause: "gap:\(obligation.rawValue)",
                    title: "No \(obligation.rawValue) insurance on record",
                    detail: "Registered and under the \(obligation.rawValue)-insurance obligation, but no roster shows an enrollment on \(asOf)."
                        + (stakes.reason.map { " " + $0 } ?? ""),
                    priority: stakes.priority, dueDate: asOf.adding(days: 30), district: standing.district))
            }
        }
    }
}
