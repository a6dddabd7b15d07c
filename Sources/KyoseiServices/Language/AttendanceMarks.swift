import GRDB
import KyoseiDomain
import KyoseiIntake

/// Writes marks for one course: its sessions by number and the people it seated, looked up by
/// every name staff or a provider may use (K<number>, person id, card number) once, so a file of
/// a million marks costs one insert each.
struct AttendanceMarks {
    let course: Course
    private let sessions: [Int: Int64]
    private let people: [String: Int64]
    private let seated: Set<Int64>
    private let insert: Statement
    private let source: String
    private let login: String
    private let timestamp: String

    init(course: Course, source: String, login: String, timestamp: String, db: Database) throws {
        self.course = course
        self.source = source
        self.login = login
        self.timestamp = timestamp
        var sessions: [Int: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT number, id FROM course_session WHERE course_id = ?", arguments: [course.id]) {
            sessions[row["number"]] = row["id"]
        }
        var people: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT DISTINCT r.id, r.person_id, r.residence_card_number FROM course_seat s JOIN resident r ON r.id = s.resident_id
            WHERE s.course_id = ? AND s.seated_on IS NOT NULL
            """, arguments: [course.id]) {
            let id: Int64 = row["id"]
            people["K\(id)"] = id
            if let person: String = row["person_id"] { people[person] = id }
            if let card: String = row["residence_card_number"] { people[card] = id }
        }
        self.sessions = sessions
        self.people = people
        seated = Set(people.values)
        insert = try db.cachedStatement(sql: """
            INSERT INTO course_attendance(session_id, resident_id, present, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id, resident_id) DO UPDATE SET present = excluded.present, source = excluded.source,
                recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
            """)
    }

    /// What became of one row of a provider's file.
    enum FileMark: Equatable {
        case recorded(residentID: Int64)
        case setAside(columns: [String], reason: String)
    }

    /// Records one row of a provider's file, or says which column is wrong and why: the one
    /// judgement for the file's rows and for a row staff corrected later (`rejects fix`).
    func record(_ row: AttendanceRow) throws -> FileMark {
        guard let ref = try? ResidentRef(row.person), let residentID = people[ref.description.uppercased()] else {
            return .setAside(columns: ["person"], reason: "person \(row.person), session \(row.session): is not a person given a seat in course \(course.id)")
        }
        if let problem = try record(session: row.session, residentID: residentID, present: row.present) {
            return .setAside(columns: ["session"], reason: "person \(row.person), session \(row.session): \(problem)")
        }
        return .recorded(residentID: residentID)
    }

    /// Records one mark, or says why it cannot be recorded.
    func record(session number: Int, residentID: Int64, present: Bool) throws -> String? {
        guard let session = sessions[number] else {
            return "course \(course.id) has no session \(number) (it has \(sessions.count))"
        }
        guard seated.contains(residentID) else {
            return "was never given a seat in course \(course.id)"
        }
        try insert.execute(arguments: [session, residentID, present ? 1 : 0, source, timestamp, login])
        return nil
    }
}
