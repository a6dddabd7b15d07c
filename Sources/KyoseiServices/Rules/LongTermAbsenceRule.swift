import GRDB
import KyoseiDomain
import KyoseiStore

/// A child absent 30 or more days in a school year (the sum over its terms of each term's latest
/// roster row). One case per child and school year; a term re-sent with fewer days makes the
/// cause go away.
struct LongTermAbsenceRule: CaseRule {
    let name = "LONG_TERM_ABSENCE"
    let caseType = CaseType.longTermAbsence

    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws {
        try SchoolTermRowRecord.yearAbsences(atLeast: ChildSchooling.longTermAbsenceDays, in: db).forEach { absence in
            let year = absence.schoolYear
            let days = absence.days
            try found(RuleFinding(
                residentID: absence.residentID, cause: "absence:\(year)",
                title: "Long-term absence in school year \(year)",
                detail: "\(days) days absent in school year \(year) (30 or more is long-term absence).",
                priority: .normal, dueDate: asOf.adding(days: 14),
                district: absence.districtCode.flatMap { try? DistrictCode($0) }))
        }
    }
}
