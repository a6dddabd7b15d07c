import GRDB
import KyoseiDomain

/// Gathers, in a few set queries, what the MEXT classification needs about every compulsory-age
/// child as of a date, and classifies each with `SchoolStanding`. The population is the register
/// (registered or abroad) plus children who moved out during the school year, who count as
/// departed; the register's head-count leaves those out.
struct SchoolingCensus {
    let asOf: LocalDate
    let year: SchoolYear
    /// The latest term of the school year `asOf` falls in that has begun (August belongs to T1).
    let lastTerm: SchoolYear.Term

    init(asOf: LocalDate) {
        self.asOf = asOf
        year = SchoolYear(containing: asOf)
        lastTerm = SchoolYear.term(of: asOf) ?? .t1
    }

    /// SQL condition on `school_term_row` (aliased `t`) for terms reported by `asOf`.
    private var reportedBy: String {
        "(t.school_year < \(year.startYear) OR (t.school_year = \(year.startYear) AND t.term <= '\(lastTerm.rawValue)'))"
    }

    func children(in db: Database, residentID: Int64? = nil) throws -> [ChildSchooling] {
        let only = residentID.map { " AND r.id = \($0)" } ?? ""
        let oldest = try LocalDate(year: year.startYear - 15, month: 4, day: 2)
        let youngest = try LocalDate(year: year.startYear - 6, month: 4, day: 1)
        let people = try Row.fetchAll(db, sql: """
            SELECT r.id, r.person_id, r.nationality, r.district_code, r.register_state, r.birth_date,
                   (SELECT max(h.changed_at) FROM history h WHERE h.resident_id = r.id AND h.field = 'register_state'
                    AND h.new_value = 'MOVED_OUT') AS moved_out_at
            FROM resident r
            WHERE r.birth_date BETWEEN ? AND ? AND r.register_state IN ('REGISTERED','ABROAD','MOVED_OUT')\(only)
            """, arguments: [oldest.description, youngest.description])
        let latest = try latestTerm(in: db)
        var termRows: [Int64: [(type: SchoolType, status: String, grade: Int)]] = [:]
        if let latest {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT resident_id, school_type, status, grade FROM school_term_row
                WHERE resident_id IS NOT NULL AND school_year = ? AND term = ?\(residentID.map { " AND resident_id = \($0)" } ?? "")
                ORDER BY id
                """, arguments: [latest.year, latest.term])
            while let row = try rows.next() {
                guard let type = SchoolType(rawValue: row["school_type"]) else { continue }
                termRows[row["resident_id"], default: []].append((type, row["status"], row["grade"]))
            }
        }
        let absences = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
            SELECT t.resident_id, sum(t.days_absent) AS days FROM school_term_row t
            WHERE t.resident_id IS NOT NULL AND t.school_year = ? AND \(reportedBy) GROUP BY t.resident_id
            """, arguments: [year.startYear]).map { ($0["resident_id"] as Int64, $0["days"] as Int) })
        let confirmations = try standingConfirmations(in: db)
        return people.compactMap { row in
            guard let birth = try? LocalDate(row["birth_date"] as String), year.isCompulsoryAge(birthDate: birth),
                  let state = RegisterState(rawValue: row["register_state"]) else { return nil }
            let id: Int64 = row["id"]
            let movedOut = (row["moved_out_at"] as String?).map { String($0.prefix(10)) }
            if state == .movedOut, !(movedOut.map { $0 >= year.firstDay.description } ?? false) { return nil }
            let rows = termRows[id] ?? []
            let standing = SchoolStanding(
                departed: state != .registered,
                latestTermRows: rows.map { .init(schoolType: $0.type, enrolled: $0.status == "ENROLLED") },
                confirmation: confirmations[id])
            let shown = rows.first { $0.status == "ENROLLED" } ?? rows.last
            let days = absences[id] ?? 0
            return ChildSchooling(
                residentID: id, personID: row["person_id"] ?? "K\(id)", nationality: row["nationality"],
                district: row["district_code"], registerState: state, expectedGrade: year.expectedGrade(forBirthDate: birth),
                grade: shown?.grade, schoolType: shown?.type, mextClass: standing.mextClass, daysAbsentYear: days,
                longTermAbsence: days >= ChildSchooling.longTermAbsenceDays, confirmation: confirmations[id])
        }
    }

    /// The latest school year and term any roster reported by `asOf`.
    func latestTerm(in db: Database) throws -> (year: Int, term: String)? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.school_year, t.term FROM school_term_row t WHERE \(reportedBy)
            ORDER BY t.school_year DESC, t.term DESC LIMIT 1
            """) else { return nil }
        return (row["school_year"], row["term"])
    }

    /// Each child's newest confirmation recorded by `asOf`, unless a roster applied after it
    /// lists the child: the roster then says otherwise.
    func standingConfirmations(in db: Database) throws -> [Int64: HomeVisitOutcome] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT c.resident_id, c.outcome FROM school_confirmation c
            WHERE c.id = (SELECT max(c2.id) FROM school_confirmation c2
                          WHERE c2.resident_id = c.resident_id AND substr(c2.confirmed_at, 1, 10) <= ?)
              AND NOT EXISTS (SELECT 1 FROM school_term_row t
                              WHERE t.resident_id = c.resident_id AND t.file_id > coalesce(c.after_file_id, 0))
            """, arguments: [asOf.description])
        var result: [Int64: HomeVisitOutcome] = [:]
        for row in rows {
            if let outcome = HomeVisitOutcome(rawValue: row["outcome"]) { result[row["resident_id"]] = outcome }
        }
        return result
    }
}
