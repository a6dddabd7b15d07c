import GRDB
import KyoseiDomain

/// A child absent 30 or more days in a school year (the sum over its terms of each term's latest
/// roster row). One case per child and school year; a term re-sent with fewer days makes the
/// cause go away.
struct LongTermAbsenceRule: CaseRule {
    let name = "LONG_TERM_ABSENCE"
    let caseType = CaseType.longTermAbsence

    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws {
        try Row.fetchCursor(db, sql: """
            SELECT t.resident_id, t.school_year, sum(t.days_absent) AS days, r.district_code
            FROM school_term_row t JOIN resident r ON r.id = t.resident_id
            WHERE r.register_state = 'REGISTERED'
            GROUP BY t.resident_id, t.school_year HAVING sum(t.days_absent) >= ?
            """, arguments: [ChildSchooling.longTermAbsenceDays]).forEach { row in
            let year: Int = row["school_year"]
            let days: Int = row["days"]
            try found(RuleFinding(
                residentID: row["resident_id"], cause: "absence:\(year)",
                title: "Long-term absence in school year \(year)",
                detail: "\(days) days absent in school year \(year) (30 or more is long-term absence).",
                priority: .normal, dueDate: asOf.adding(days: 14),
                district: (row["district_code"] as String?).flatMap { try? DistrictCode($0) }))
        }
    }
}
