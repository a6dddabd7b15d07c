import GRDB

/// An employer and what its notifications add up to: the city's outreach list. Workers are
/// counted by residence card, once each, whatever number of notifications name them.
public struct EmployerSummary: Sendable, Codable, Equatable {
    public let employerID: String
    public let kind: String
    public let name: String
    public let notifications: Int
    public let workers: Int
    public let hiredWorkers: Int
    public let dispatchedWorkers: Int
    /// Hired workers reported as not in employment insurance, whatever their hours.
    public let uninsuredWorkers: Int
    /// Hired workers at or above the insurance threshold and not in it (`EI_MISSING`).
    public let eiMissingWorkers: Int
    public let lateReports: Int
    /// Workers whose job there puts them in EHI/EPI on the day asked and whom no EHI or EPI
    /// roster shows (`EMPLOYER_INSURANCE_MISSING`); for an agency, its dispatched workers.
    public internal(set) var employerInsuranceMissingWorkers = 0

    public var dispatchedShare: Double { workers == 0 ? 0 : Double(dispatchedWorkers) / Double(workers) }
    public var uninsuredShare: Double { hiredWorkers == 0 ? 0 : Double(uninsuredWorkers) / Double(hiredWorkers) }
    public var eiMissingShare: Double { hiredWorkers == 0 ? 0 : Double(eiMissingWorkers) / Double(hiredWorkers) }

    static func fetchAll(in db: Database, employerID: String? = nil) throws -> [EmployerSummary] {
        let rows = try Row.fetchAll(db, sql: """
            WITH marked AS (
                SELECT n.*,
                       EXISTS (SELECT 1 FROM employment_finding f WHERE f.notification_id = n.id AND f.kind = 'LATE_REPORT') AS late,
                       EXISTS (SELECT 1 FROM employment_finding f WHERE f.notification_id = n.id AND f.kind = 'EI_MISSING') AS ei_missing
                FROM employment_notification n WHERE ?1 IS NULL OR n.employer_id = ?1)
            SELECT e.employer_id, e.kind, e.name, COUNT(*) AS notifications,
                   COUNT(DISTINCT m.residence_card_number) AS workers,
                   COUNT(DISTINCT CASE WHEN m.report_type = 'HIRE' THEN m.residence_card_number END) AS hired,
                   COUNT(DISTINCT CASE WHEN m.dispatched = 1 THEN m.residence_card_number END) AS dispatched,
                   COUNT(DISTINCT CASE WHEN m.report_type = 'HIRE' AND m.employment_insurance = 0 THEN m.residence_card_number END) AS uninsured,
                   COUNT(DISTINCT CASE WHEN m.ei_missing THEN m.residence_card_number END) AS ei_missing,
                   SUM(m.late) AS late
            FROM employer e JOIN marked m ON m.employer_id = e.employer_id
            GROUP BY e.employer_id ORDER BY e.employer_id
            """, arguments: [employerID])
        return rows.map { row in
            EmployerSummary(
                employerID: row["employer_id"], kind: row["kind"], name: row["name"], notifications: row["notifications"],
                workers: row["workers"], hiredWorkers: row["hired"], dispatchedWorkers: row["dispatched"],
                uninsuredWorkers: row["uninsured"], eiMissingWorkers: row["ei_missing"], lateReports: row["late"])
        }
    }
}
