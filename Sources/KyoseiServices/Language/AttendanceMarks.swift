import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// Writes marks for one course: its sessions by number and the people it seated, looked up by
/// every name staff or a provider may use (K<number>, person id, card number) once, so a file of
/// a million marks costs one insert each.
struct AttendanceMarks {
    let course: Course
    private let sessions: [Int: Int64]
    private let people: [String: Int64]
    private let seated: Set<Int64>
    private let db: Database
    private let source: CourseAttendanceRecord.Source
    private let login: String
    private let timestamp: String

    init(course: Course, source: CourseAttendanceRecord.Source, login: String, timestamp: String, db: Database) throws {
        self.course = course
        self.source = source
        self.login = login
        self.timestamp = timestamp
        self.db = db
        var sessions: [Int: Int64] = [:]
        for session in try CourseSessionRecord.all().filter(course: course.id).fetchAll(db) { sessions[session.number] = session.id }
        var people: [String: Int64] = [:]
        for holder in try CourseSeatRecord.holders(ofCourse: course.id, in: db) {
            people["K\(holder.id)"] = holder.id
            if let person = holder.personID { people[person] = holder.id }
            if let card = holder.residenceCardNumber { people[card] = holder.id }
        }
        self.sessions = sessions
        self.people = people
        seated = Set(people.values)
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
        try CourseAttendanceRecord(sessionID: session, residentID: residentID, present: present, source: source,
                                   recordedAt: timestamp, recordedBy: login).saveCached(db)
        return nil
    }
}
