import GRDB
import KyoseiDomain
import KyoseiIntake

/// The students school rosters have named so far, loaded once per roster (one query, not one
/// per row), and the cached statements that save students and their term rows, as
/// `MemberTable` does for insurance members.
struct StudentTable {
    typealias Entry = RosterLink

    private var entries: [RosterLink.Key: Entry] = [:]

    init(in db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, school_code, student_number, resident_id, match_outcome, match_score FROM school_student
            """)
        while let row = try rows.next() {
            entries[RosterLink.Key(row["school_code"], row["student_number"])] = Entry(
                id: row["id"], residentID: row["resident_id"], outcome: row["match_outcome"], score: row["match_score"])
        }
    }

    func find(school: String, student: String) -> Entry? { entries[RosterLink.Key(school, student)] }

    /// Inserts or updates the student as this roster states them; returns them with their id.
    mutating func save(_ entry: Entry, row: SchoolRosterRow, fileID: Int64, in db: Database) throws -> Entry {
        var saved = entry
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
        entries[RosterLink.Key(row.schoolCode, row.studentNumber)] = saved
        return saved
    }

    /// One row per student, school year and term: a term re-sent replaces what it said before.
    static func saveTermRow(student: Entry, row: SchoolRosterRow, year: Int, fileID: Int64, in db: Database) throws {
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
