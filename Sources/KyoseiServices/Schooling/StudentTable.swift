import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// The students school rosters have named so far, loaded once per roster (one query, not one
/// per row), and the cached statements that save students and their term rows, as
/// `MemberTable` does for insurance members. A student linked to a resident, moved or
/// unlinked, and every term row written or changed, leave rows in the history.
struct StudentTable {
    typealias Entry = RosterLink

    private var entries: [RosterLink.Key: Entry] = [:]
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
            entries[RosterLink.Key(row["school_code"], row["student_number"])] = Entry(
                id: row["id"], residentID: row["resident_id"], outcome: row["match_outcome"], score: row["match_score"])
        }
    }

    func find(school: String, student: String) -> Entry? { entries[RosterLink.Key(school, student)] }

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
        entries[RosterLink.Key(row.schoolCode, row.studentNumber)] = saved
        try HistoryWriter.recordLink(
            entity: .schoolStudent, entityID: String(saved.id!), label: "school \(row.schoolCode) student \(row.studentNumber)",
            from: before, to: saved.residentID, by: login, at: timestamp, source: source, in: db)
        return saved
    }

    /// One row per student, school year and term: a term re-sent replaces what it said before,
    /// and the history keeps what it said (the row's creation, then each field it changed).
    func saveTermRow(student: Entry, row: SchoolRosterRow, year: Int, fileID: Int64, source: ChangeSource, in db: Database) throws {
        let stated = SchoolTermRowRecord(
            studentID: student.id!, residentID: student.residentID, schoolYear: year, term: row.term, schoolName: row.schoolName,
            schoolType: row.schoolType, grade: row.grade, daysInTerm: row.daysInTerm, daysAbsent: row.daysAbsent,
            japaneseSupport: row.japaneseSupport, status: row.status, fileID: fileID)
        let changes: [(field: String, old: String?, new: String?)]
        if let old = try SchoolTermRowRecord.find(student: student.id!, year: year, term: row.term, in: db) {
            changes = zip(old.statedFields, stated.statedFields).compactMap { was, now in
                was.value == now.value ? nil : (now.field, was.value, now.value)
            }
        } else {
            changes = [("(created)", nil, stated.statedFields.map { "\($0.field)=\($0.value)" }.joined(separator: "; "))]
        }
        try HistoryWriter.record(residentID: student.residentID, entity: .schoolTermRow, entityID: "\(student.id!):\(year)-\(row.term.rawValue)",
                                 changes: changes, by: login, at: timestamp, source: source, in: db)
        try stated.save(db)
    }
}
