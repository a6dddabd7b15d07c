import GRDB
import KyoseiDomain
import KyoseiStore

/// An employee whose job puts them in Employees' Health or Pension Insurance, who is on NHI or
/// in nothing on the rosters: the Alliance's complaint about dispatched and subcontracted
/// workers left to NHI. One case per person and employer (for a dispatched worker, the agency),
/// resolved when an EHI or EPI roster shows them or the job no longer qualifies.
struct EmployerInsuranceRule: CaseRule {
    let name = "EMPLOYER_INSURANCE_MISSING"
    let caseType = CaseType.employerInsuranceMissing

    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws {
        var names: [String: String] = [:]
        try CoverageCalculator(settings: settings, date: asOf).forEachStanding(in: db) { standing in
            guard standing.obligations[.employer] == false else { return }
            let stakes = CoverageGapPriority.assess(.employer, status: standing.status, on: asOf, law: settings.law)
            for (job, applicability) in standing.employerInsurance where applicability.applies {
                if names[job.employerID] == nil {
                    names[job.employerID] = try EmployerRecord.name(of: job.employerID, in: db)
                }
                let employer = names[job.employerID] ?? job.employerID
                try found(RuleFinding(
                    residentID: standing.residentID, cause: "employer:\(job.employerID)",
                    title: "Not in employer insurance at \(employer)\(job.dispatched ? " (dispatched)" : "")",
                    detail: "\(applicability.reason) No EHI or EPI roster shows them on \(asOf). Sources: \(applicability.sources.joined(separator: "; "))."
                        + (applicability.forCityReview ? " For the city's review." : "") + (stakes.reason.map { " " + $0 } ?? ""),
                    priority: stakes.priority, dueDate: asOf.adding(days: 30), district: standing.district,
                    links: [(.employer, job.employerID)]))
            }
        }
    }
}
