import GRDB
import KyoseiDomain

/// What the coverage evaluation reads on one date, as row cursors: it walks every registered
/// resident with their jobs and enrollments at once, and decoding whole records would weigh on
/// a city-wide evaluation. Each function names the columns its rows carry.
public enum CoverageRows {
    /// The schemes any roster brought members of, as stored.
    public static func schemesOnFile(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT scheme FROM insurance_member")
    }

    /// Whether any employment episode is linked to a resident.
    public static func anyJobLinked(in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM employment_episode WHERE resident_id IS NOT NULL)") ?? false
    }

    /// Jobs held on `date` by a resident, their hours known: `resident_id`, `employer_id`,
    /// `weekly_hours`, `employment_insurance`, `dispatched`, the employer's `insured_headcount`,
    /// `employed_from`, `contract_end`, `contract_renewable`.
    public static func jobs(on date: LocalDate, in db: Database) throws -> RowCursor {
        try Row.fetchCursor(db, sql: """
            SELECT e.resident_id, e.employer_id, e.weekly_hours, e.employment_insurance, e.dispatched, m.insured_headcount,
                   e.employed_from, e.contract_end, e.contract_renewable
            FROM employment_episode e JOIN employer m ON m.employer_id = e.employer_id
            WHERE e.resident_id IS NOT NULL AND e.weekly_hours IS NOT NULL AND e.employed_from <= ?
              AND (e.employed_until IS NULL OR e.employed_until >= ?)
            """, arguments: [date, date])
    }

    /// Per employer (`employer_id`), the residents whose one job on `date` is there and whom an
    /// EPI enrollment shows on that day (`insured`).
    public static func insuredSeen(on date: LocalDate, in db: Database) throws -> RowCursor {
        try Row.fetchCursor(db, sql: """
            SELECT e.employer_id, COUNT(DISTINCT e.resident_id) AS insured FROM employment_episode e
            JOIN enrollment n ON n.resident_id = e.resident_id AND n.scheme = ?2
                 AND n.enrolled_from <= ?1 AND (n.enrolled_until IS NULL OR n.enrolled_until >= ?1)
            WHERE e.resident_id IS NOT NULL AND e.employed_from <= ?1 AND (e.employed_until IS NULL OR e.employed_until >= ?1)
              AND NOT EXISTS (SELECT 1 FROM employment_episode o
                              WHERE o.resident_id = e.resident_id AND o.employer_id <> e.employer_id
                                AND o.employed_from <= ?1 AND (o.employed_until IS NULL OR o.employed_until >= ?1))
            GROUP BY e.employer_id
            """, arguments: [date, InsuranceScheme.epi])
    }

    /// Enrollments active on `date` that are linked to a resident, by resident: `resident_id`,
    /// `scheme`, `agreement_exempt`.
    public static func enrollments(on date: LocalDate, in db: Database) throws -> RowCursor {
        try Row.fetchCursor(db, sql: """
            SELECT resident_id, scheme, agreement_exempt FROM enrollment
            WHERE resident_id IS NOT NULL AND enrolled_from <= ? AND (enrolled_until IS NULL OR enrolled_until >= ?)
            ORDER BY resident_id
            """, arguments: [date, date])
    }

    /// Registered residents, by id: `id`, `birth_date`, `nationality`, `status_of_residence`,
    /// `district_code`, `register_state`.
    public static func registered(in db: Database) throws -> RowCursor {
        try Row.fetchCursor(db, sql: """
            SELECT id, birth_date, nationality, status_of_residence, district_code, register_state FROM resident
            WHERE register_state = ? ORDER BY id
            """, arguments: [RegisterState.registered])
    }
}
