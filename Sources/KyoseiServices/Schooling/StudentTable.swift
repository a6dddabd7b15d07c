import GRDB
import KyoseiDomain
import KyoseiIntake

/// The students school rosters have named so far, loaded once per roster (one query, not one
/// per row), and the cached statements that save students and their term rows, as
/// `MemberTable` does for insurance members. A student linked to a resident, moved or
/// unlinked, and every term row written or changed, leave rows in the history.
struct StudentTable {
    typealias Entry = RosterLink

    private var entries: [String: Entry] = [:]
    /// Who applied the roster and when, for the history rows.
    let login: String
    let timestamp: String

    init(in db: Database, login: String, timestamp: String) throws {
        self.login = login
        self.timestamp = timestamp
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, school_code, student_number, resident_id, match_outcome, match_score FROM school_student
            """)
        while let row = try rows.next() {
            entries[Self.key(row["school_code"], row["student_number"])] = Entry(
                id: row["id"], residentID: row["resident_id"], outcome: row["match_outcome"], score: row["match_score"])
        }
    }

    private static func key(_ school: String, _ student: String) -> String { school + "|" + student }

    func find(school: String, student: String) -> Entry? { entries[Self.key(school, student)] }

    /// Inserts or updates the student as this roster states them; returns them with their id.
    mutating func save(_ entry: Entry, row: SchoolRosterRow, fileID: Int64, source: ChangeSource, in db: Database) throws -> Entry {
        var saved = entry
        let before = find(school: row.schoolCode, student: row.studentNumber)?.residentID
        if let id = entry.id {
            try db.cachedStatement(sql: """
                UPDATE school_student SET resident_id = ?, match_outcome = ?, match_score = ?, name_latin = ?, name_kana = ?,
                    birth_date = ?, sex = ?, residence_card_number = coalesce(?, residence_card_number), last_file_id = ?
                WHERE id = ?
                """).execute(arguments: [entry.residentID, entry.outcome, entry.score, row.nameLatin, row.nameKana,
                                         row.birthDate.description, row.sex.rawValue, row.cardNumber?.rawValue, fileID, id])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO school_student (school_code, student_number, resident_id, match_outcome, match_score, name_latin,
                    name_kana, birth_date, sex, residence_card_number, first_file_id, last_file_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [row.schoolCode, row.studentNumber, entry.residentID, entry.outcome, entry.score,
                                         row.nameLatin, row.nameKana, row.birthDate.description, row.sex.rawValue,
                                         row.cardNumber?.rawValue, fileID, fileID])
            saved.id = db.lastInsertedRowID
        }
        entries[Self.key(row.schoolCode, row.studentNumber)] = saved
        try HistoryWriter.recordLink(
            entity: .schoolStudent, entityID: String(saved.id!), label: "school \(row.schoolCode) student \(row.studentNumber)",
            from: before, to: saved.residentID, by: login, at: timestamp, source: source, in: db)
        return saved
    }

    /// One row per student, school year and term: a term re-sent replaces what it said before,
    /// and the history keeps what it said (the row's creation, then each field it changed).
    func saveTermRow(student: Entry, row: SchoolRosterRow, year: Int, fileID: Int64, source: ChangeSource, in db: Database) throws {
        let fields = ["school_name", "school_type", "grade", "days_in_term", "days_absent", "japanese_support", "status"]
        let old = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(fields.map { "CAST(\($0) AS TEXT) AS \($0)" }.joined(separator: ", ")) FROM school_term_row WHERE student_id = ? AND school_year = ? AND term = ?
            """), arguments: [student.id, year, row.term.rawValue])
        let new: [String?] = [row.schoolName, row.schoolType.rawValue, String(row.grade), String(row.daysInTerm),
                              String(row.daysAbsent), row.japaneseSupport ? "1" : "0", row.status.rawValue]
        let entityID = "\(student.id!):\(year)-\(row.term.rawValue)"
        let changes: [(field: String, old: String?, new: String?)] = if let old {
            zip(fields, new).compactMap { field, value in
                let was: String? = old[field]
                return was == value ? nil : (field, was, value)
            }
        } else {
            [("(created)", nil, zip(fields, new).map { "\($0)=\($1 ?? "")" }.joined(separator: "; "))]
        }
        try HistoryWriter.record(residentID: student.residentID, entity: .schoolTermRow, entityID: entityID, changes: changes,
                                 by: login, at: timestamp, source: source, in: db)
        try db.cachedStatement(sql: """
            INSERT INTO school_term_row (student_id, resident_id, school_year, term, school_name, school_type, grade,
                days_in_term, days_absent, japanese_support, status, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (student_id, school_year, term) DO UPDATE SET resident_id = excluded.resident_id,
                school_name = excluded.school_name, school_type = excluded.school_type, grade = excluded.grade,
                days_in_term = excluded.days_in_term, days_absent = excluded.days_absent,
                japanese_support = excluded.japanese_support, status = excluded.status, file_id = excluded.file_id
            """).execute(arguments: [student.id, student.residentID, year, row.term.rawValue, row.schoolName,
                                     row.schoolType.rawValue, row.grade, row.daysInTerm, row.daysAbsent, row.japaneseSupport,
                                     row.status.rawValue, fileID])
    }
}
