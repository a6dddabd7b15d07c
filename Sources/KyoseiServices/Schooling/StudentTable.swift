import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// The students school rosters have named so far, loaded once per roster (one query, not one
/// per row), saved with the store's cached statements, as `MemberTable` does for insurance
/// members. A student linked to a resident, moved or unlinked, and every term row written or
/// changed, leave rows in the history.
struct StudentTable {
    typealias Entry = RosterLink

    private var entries: [RosterLink.Key: Entry] = [:]
    /// Who applied the roster and when, for the history rows.
    let login: String
    let timestamp: String

    init(in db: Database, login: String, timestamp: String) throws {
        self.login = login
        self.timestamp = timestamp
        typealias C = SchoolStudentRecord.Columns
        let rows = try SchoolStudentRecord.links().fetchCursor(db)
        while let row = try rows.next() {
            entries[RosterLink.Key(row[C.schoolCode], row[C.studentNumber])] = Entry(
                id: row[C.id], residentID: row[C.residentID], outcome: row[C.matchOutcome], score: row[C.matchScore])
        }
    }

    func find(school: String, student: String) -> Entry? { entries[RosterLink.Key(school, student)] }

    /// Inserts or updates the student as this roster states them; returns them with their id.
    mutating func save(_ entry: Entry, row: SchoolRosterRow, fileID: Int64, source: ChangeSource, in db: Database) throws -> Entry {
        var saved = entry
        let before = find(school: row.schoolCode, student: row.studentNumber)?.residentID
        var student = SchoolStudentRecord(
            id: entry.id, schoolCode: row.schoolCode, studentNumber: row.studentNumber, residentID: entry.residentID,
            matchOutcome: entry.outcome, matchScore: entry.score, nameLatin: row.nameLatin,
            nameKana: row.nameKana, birthDate: row.birthDate, sex: row.sex, residenceCardNumber: row.cardNumber,
            firstFileID: fileID, lastFileID: fileID)
        if entry.id != nil {
            try student.updateStated(db)
        } else {
            try student.insertCached(db)
            saved.id = student.id
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
