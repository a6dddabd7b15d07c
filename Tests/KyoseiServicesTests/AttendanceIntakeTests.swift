import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiServices
import Testing

/// A provider's attendance file as an intake file: recorded once, its rejected rows kept with
/// line, columns and reasons, fixed by the file's own rules or dismissed, and a refused file
/// leaving every table as it was. Today is 2026-11-18.
@Suite struct AttendanceIntakeTests {
    private struct Course {
        let city: TestCity
        let id: Int64
        let seated: Int64
        let outsider: Int64

        /// A course of two sessions (2026-12-01 and 2026-12-20); `seated` has a seat, `outsider` none.
        init() throws {
            city = try TestCity()
            let courses = CourseService(context: city.context)
            id = try courses.create(CourseDraft(kind: .dailyLife, level: .a1, title: nil, startsOn: LocalDate("2026-12-01"),
                                                endsOn: LocalDate("2026-12-20"), capacity: 5), by: city.founder).id
            _ = try courses.schedule(id, dates: [try LocalDate("2026-12-01"), try LocalDate("2026-12-20")], startsAt: "", by: city.founder)
            seated = try city.add("SILVA ANA").id
            outsider = try city.add("SOUZA BEA").id
            _ = try SeatService(context: city.context).enroll(.kyosei(seated), in: id, by: city.founder)
        }

        var attendance: AttendanceService { AttendanceService(context: city.context) }
        var rejects: RejectService { RejectService(context: city.context) }

        func write(_ name: String, _ bytes: [UInt8]) throws -> String {
            let url = city.folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            return url.path
        }

        func importFile(_ path: String) throws -> ImportOutcome {
            try FileImport(context: city.context).apply(path, as: .attendance(course: id), by: city.founder)
        }

        /// Every row of the tables an attendance file writes, to compare before and after.
        func snapshot() throws -> [[Row]] {
            try city.context.database.writer.read { db in
                try ["intake_file", "intake_reject", "course_attendance"].map {
                    try Row.fetchAll(db, sql: "SELECT * FROM \($0) ORDER BY 1, 2")
                }
            }
        }

        /// The person's marks in this course as (session number, present).
        func marks(_ resident: Int64) throws -> [[Int]] {
            try city.context.database.writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT s.number, a.present FROM course_attendance a JOIN course_session s ON s.id = a.session_id
                    WHERE s.course_id = ? AND a.resident_id = ? ORDER BY s.number
                    """, arguments: [id, resident]).map { [$0[0], $0[1]] }
            }
        }
    }

    /// A Shift_JIS file with good rows, a row the pipeline sets aside, and rows the course sets
    /// aside: each kept with its line, column and reason, and the file recorded once.
    @Test func aShiftJISFileKeepsEveryRejectWithLineColumnAndReason() throws {
        let course = try Course()
        let text = "session,person,present\r\n1,K\(course.seated),Y\r\n3,K\(course.seated),Y\r\n1,山田,Y\r\n2,K\(course.seated),はい\r\n1,K\(course.outsider),N\r\n"
        let path = try course.write("出席.csv", try Transcoder.encode(text, to: "CP932"))
        let outcome = try course.importFile(path)
        #expect(outcome.outcome == .applied && outcome.attendance?.marked == 1)
        #expect(try course.marks(course.seated) == [[1, 1]])

        let kept = try course.rejects.list(by: course.city.founder)
        #expect(kept.map(\.file) == Array(repeating: "出席.csv", count: 4))
        #expect(kept.map(\.line) == [3, 4, 5, 6])
        #expect(kept.map(\.columns) == [["session"], ["person"], ["present"], ["person"]])
        #expect(kept[0].reasons == ["person K\(course.seated), session 3: course \(course.id) has no session 3 (it has 2)"])
        #expect(kept[1].reasons == ["person 山田, session 1: is not a person given a seat in course \(course.id)"])
        #expect(kept[2].reasons.count == 1 && kept[2].reasons[0].contains("はい") && kept[2].reasons[0].contains("Y or N"))
        #expect(kept[1].recordText == "1,山田,Y", "the record is kept as the file had it, decoded from Shift_JIS")
        #expect(outcome.attendance?.rejects.map(\.line) == kept.map(\.line))

        let file = try #require(try course.city.context.database.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT kind, encoding, course_id, row_count, rows_applied, rows_rejected FROM intake_file")
        })
        #expect(file["kind"] as String == "ATTENDANCE" && file["encoding"] as String == TextEncoding.cp932.rawValue)
        #expect([file["course_id"], file["row_count"], file["rows_applied"], file["rows_rejected"]] as [Int64] == [course.id, 5, 1, 4])
    }

    @Test func theSameFileTwiceIsRecognisedAndChangesNothing() throws {
        let course = try Course()
        let path = try course.write("attendance.csv", Array("session,person,present\n1,K\(course.seated),Y\n9,K\(course.seated),Y\n".utf8))
        #expect(try course.importFile(path).outcome == .applied)
        let before = try course.snapshot()
        let again = try course.importFile(course.write("attendance-again.csv", Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        #expect(again.outcome == .alreadyApplied && again.attendance?.marked == 0 && again.attendance?.rejects.isEmpty == true)
        #expect(again.reason?.contains("already applied to course \(course.id) as attendance.csv") == true)
        #expect(try course.snapshot() == before)
    }

    /// A bad header, bytes neither UTF-8 nor Shift_JIS, a break in the last record, and a course
    /// that does not exist: each refused whole, and the tables are row for row as before.
    @Test func aRefusedFileChangesNothing() throws {
        let course = try Course()
        _ = try course.importFile(course.write("first.csv", Array("session,person,present\n2,K\(course.seated),N\n5,K1,Y\n".utf8)))
        let before = try course.snapshot()
        let good = "session,person,present\n1,K\(course.seated),Y\n4,K\(course.seated),Y\n"
        let refused: [[UInt8]] = [
            Array("session;person;present\n1;K\(course.seated);Y\n".utf8),
            Array("session,person,present\n1,K\(course.seated),Y\n".utf8) + [0x82, 0xFF, 0x0A],
            Array((good + "2,\"K\(course.seated),Y\n").utf8),
        ]
        for (index, bytes) in refused.enumerated() {
            let path = try course.write("refused-\(index).csv", bytes)
            // Refused like every other partner file: an outcome with its reason, audited, nothing kept.
            let outcome = try course.importFile(path)
            #expect(outcome.outcome == .refused)
            #expect(outcome.reason?.isEmpty == false)
        }
        let path = try course.write("unknown-course.csv", Array(good.utf8))
        #expect(throws: ServiceError.notFound("No course 99 in this database; `kyosei course list` shows them.")) {
            try FileImport(context: course.city.context).apply(path, as: .attendance(course: 99), by: course.city.founder)
        }
        #expect(try course.snapshot() == before)
    }

    /// A fix is judged as the file's rows are: still naming a missing session, it is refused and
    /// stays open; corrected, the mark is recorded in the file's course. Dismissing closes one.
    @Test func aFixIsJudgedByTheFileRulesAndAppliedToItsCourse() throws {
        let course = try Course()
        let path = try course.write("attendance.csv", Array("session,person,present\n3,K\(course.seated),N\n1,K\(course.outsider),Y\n".utf8))
        _ = try course.importFile(path)
        let (wrongSession, notSeated) = try { () throws -> (RejectView, RejectView) in
            let open = try course.rejects.list(by: course.city.founder)
            return (open[0], open[1])
        }()
        #expect(throws: ServiceError.self) {
            try course.rejects.fix(wrongSession.id, changes: ["session": "7"], text: nil, note: nil, by: course.city.founder)
        }
        #expect(throws: ServiceError.self) {
            try course.rejects.fix(wrongSession.id, changes: ["present": "no"], text: nil, note: nil, by: course.city.founder)
        }
        #expect(try course.rejects.show(wrongSession.id, by: course.city.founder).state == "OPEN")
        #expect(try course.marks(course.seated).isEmpty)

        let fixed = try course.rejects.fix(wrongSession.id, changes: ["session": "2"], text: nil, note: "provider's typo", by: course.city.founder)
        #expect(fixed.state == "APPLIED" && fixed.correctedText == "2,K\(course.seated),N")
        #expect(try course.marks(course.seated) == [[2, 0]])

        let dismissed = try course.rejects.dismiss(notSeated.id, note: "never enrolled", by: course.city.founder)
        #expect(dismissed.state == "DISMISSED" && dismissed.resolutionNote == "never enrolled")
        #expect(try course.marks(course.outsider).isEmpty)
        #expect(try course.rejects.list(by: course.city.founder).isEmpty)
    }
}
