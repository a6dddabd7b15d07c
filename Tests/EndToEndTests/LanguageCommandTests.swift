import Foundation
import Testing

/// The course commands as outside programs drive them: JSON in the documented shapes, person
/// ids that round-trip, and the last seat decided by the database between two processes.
@Suite struct LanguageCommandTests {
    private func json(_ result: KyoseiBinary.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// A database with `people` walk-ins, the first with an 11-digit register person id.
    private func city(people: Int) throws -> KyoseiBinary {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        let names = ["SILVA ANA", "SOUZA BEA", "LIMA CAIO", "ROCHA DANI", "COSTA EDU", "NUNES FABI"]
        for name in names.prefix(people) {
            #expect(try kyosei.run("resident", "add", "--name", name, "--born", "1990-01-01", "--sex", "2", "--nationality", "BR").status == 0)
        }
        try kyosei.sqlite("UPDATE resident SET person_id = '12345678901', register_state = 'REGISTERED' WHERE id = 1")
        return kyosei
    }

    @Test func seatCommandsSpeakTheDocumentedJSON() throws {
        let kyosei = try city(people: 3)
        let created = try json(kyosei.run("course", "create", "--kind", "ORIENTATION", "--level", "A1", "--capacity", "1",
                                          "--starts", "2026-12-01", "--ends", "2026-12-20", "--json"))
        let course = try #require(created["course_id"] as? Int)
        let first = try json(kyosei.run("course", "enroll", "\(course)", "12345678901", "--json"))
        #expect(first["outcome"] as? String == "enrolled")
        #expect(first.keys.contains("position") && first["position"] is NSNull)
        let second = try json(kyosei.run("course", "enroll", "\(course)", "K2", "--json"))
        #expect(second["outcome"] as? String == "waitlisted" && second["position"] as? Int == 1)
        let third = try json(kyosei.run("course", "enroll", "\(course)", "K3", "--json"))
        #expect(third["position"] as? Int == 2)

        let shown = try json(kyosei.run("course", "show", "\(course)", "--json"))
        #expect(shown["enrolled"] as? [String] == ["12345678901"])
        #expect(shown["waitlist"] as? [String] == ["K2", "K3"])

        let withdrawn = try json(kyosei.run("course", "withdraw", "\(course)", "12345678901", "--json"))
        #expect(withdrawn["promoted"] as? String == "K2")
        let again = try json(kyosei.run("course", "withdraw", "\(course)", "K3", "--json"))
        #expect(again.keys.contains("promoted") && again["promoted"] is NSNull)
        let shownAfter = try json(kyosei.run("course", "show", "\(course)", "--json"))
        #expect(shownAfter["enrolled"] as? [String] == ["K2"])
        #expect(shownAfter["waitlist"] as? [String] == [])

        let refused = try kyosei.run("course", "enroll", "\(course)", "K99", "--json")
        #expect(refused.status == 1 && refused.stderr.hasPrefix("error: "))
        let bad = try kyosei.run("course", "create", "--kind", "COOKING", "--level", "A1", "--capacity", "1",
                                 "--starts", "2026-12-01", "--ends", "2026-12-20")
        #expect(bad.status == 1 && bad.stderr.contains("COOKING"))
    }

    @Test func attendanceFromAFileAndTheHistoryAndReport() throws {
        let kyosei = try city(people: 2)
        let course = try #require(try json(kyosei.run("course", "create", "--kind", "DAILY_LIFE", "--level", "A2", "--capacity", "5",
                                                      "--starts", "2026-12-01", "--ends", "2026-12-15", "--json"))["course_id"] as? Int)
        #expect(try kyosei.run("course", "schedule", "\(course)", "--weekly").status == 0)
        #expect(try kyosei.run("course", "enroll", "\(course)", "K1").status == 0)
        let file = kyosei.folder.appendingPathComponent("attendance.csv")
        try Data("session,person,present\n1,12345678901,Y\n2,K1,Y\n3,K1,N\n1,K2,Y\n".utf8).write(to: file)
        let imported = try json(kyosei.run("course", "attend", "\(course)", "--file", file.path, "--json"))
        #expect(imported["marked"] as? Int == 3 && imported["rejected"] as? Int == 1)
        #expect(try kyosei.run("course", "results", "\(course)", "K1", "--placement", "A1", "--exit", "A2").status == 0)
        let history = try JSONSerialization.jsonObject(with: Data(try kyosei.run("person", "language", "K1", "--json").stdout.utf8)) as? [[String: Any]]
        #expect(history?.first?["attended"] as? Int == 2 && history?.first?["sessions"] as? Int == 3)
        #expect(history?.first?["completed"] as? Bool == false && history?.first?["exit"] as? String == "A2")
        let report = try kyosei.run("report", "language", "--period", "2026-12", "--by", "level", "--format", "csv")
        #expect(report.status == 0 && report.stdout.contains("A2") && !report.stdout.contains("12345678901"))
        let badPeriod = try kyosei.run("report", "language", "--period", "2026-13")
        #expect(badPeriod.status == 1)
    }

    /// A Shift_JIS attendance file through the real binary: its bad rows kept and listed by
    /// `rejects`, fixed (a fix that still names a missing session refused) and dismissed; the
    /// same bytes again already applied; a file with a bad header changing no table.
    @Test func attendanceRejectsAreFixedAndDismissedThroughTheRejectsCommands() throws {
        let kyosei = try city(people: 2)
        let course = try #require(try json(kyosei.run("course", "create", "--kind", "DAILY_LIFE", "--level", "A1", "--capacity", "5",
                                                      "--starts", "2026-12-01", "--ends", "2026-12-15", "--json"))["course_id"] as? Int)
        #expect(try kyosei.run("course", "schedule", "\(course)", "--weekly").status == 0)
        for person in ["K1", "K2"] { #expect(try kyosei.run("course", "enroll", "\(course)", person).status == 0) }
        // 山田 in Shift_JIS is 8E 52 93 63: not UTF-8, so the file is read as Shift_JIS.
        let bytes = Array("session,person,present\r\n1,K1,Y\r\n4,K1,Y\r\n1,".utf8) + [0x8E, 0x52, 0x93, 0x63]
            + Array(",Y\r\n2,K2,Z\r\n".utf8)
        let file = kyosei.folder.appendingPathComponent("attendance-sjis.csv")
        try Data(bytes).write(to: file)
        let imported = try json(kyosei.run("course", "attend", "\(course)", "--file", file.path, "--json"))
        #expect(imported["outcome"] as? String == "applied" && imported["marked"] as? Int == 1 && imported["rejected"] as? Int == 3)

        let listed = try JSONSerialization.jsonObject(with: Data(try kyosei.run("rejects", "list", "--json").stdout.utf8)) as? [[String: Any]] ?? []
        #expect(listed.map { $0["file"] as? String } == Array(repeating: "attendance-sjis.csv", count: 3))
        #expect(listed.map { $0["line"] as? Int } == [3, 4, 5])
        #expect(listed.map { $0["columns"] as? [String] } == [["session"], ["person"], ["present"]])
        #expect(listed.map { $0["record_text"] as? String } == ["4,K1,Y", "1,山田,Y", "2,K2,Z"])
        #expect((listed[0]["reasons"] as? [String])?.first?.contains("has no session 4") == true)
        let ids = listed.compactMap { $0["id"] as? Int }
        #expect(ids.count == 3)

        let stillWrong = try kyosei.run("rejects", "fix", "\(ids[0])", "--set", "session=9")
        #expect(stillWrong.status == 1 && stillWrong.stderr.contains("has no session 9"))
        let fixed = try json(kyosei.run("rejects", "fix", "\(ids[0])", "--set", "session=2", "--note", "provider's typo", "--json"))
        #expect(fixed["state"] as? String == "APPLIED" && fixed["corrected_text"] as? String == "2,K1,Y")
        #expect(try json(kyosei.run("rejects", "fix", "\(ids[2])", "--text", "2,K2,N", "--json"))["state"] as? String == "APPLIED")
        let dismissed = try json(kyosei.run("rejects", "dismiss", "\(ids[1])", "--note", "not one of ours", "--json"))
        #expect(dismissed["state"] as? String == "DISMISSED")
        let open = try JSONSerialization.jsonObject(with: Data(try kyosei.run("rejects", "list", "--json").stdout.utf8)) as? [Any]
        #expect(open?.isEmpty == true)
        let marks = "SELECT s.number, a.resident_id, a.present FROM course_attendance a JOIN course_session s ON s.id = a.session_id ORDER BY 1, 2"
        #expect(try kyosei.sqliteValue(marks) == "1|1|1\n2|1|1\n2|2|0")

        let tables = "SELECT * FROM intake_file; SELECT * FROM intake_reject; SELECT * FROM course_attendance;"
        let before = try kyosei.sqliteValue(tables)
        let copy = kyosei.folder.appendingPathComponent("attendance-resent.csv")
        try Data(bytes).write(to: copy)
        let again = try json(kyosei.run("course", "attend", "\(course)", "--file", copy.path, "--json"))
        #expect(again["outcome"] as? String == "already_applied" && again["marked"] as? Int == 0)
        #expect((again["reason"] as? String)?.contains("attendance-sjis.csv") == true)
        let badHeader = kyosei.folder.appendingPathComponent("attendance-bad.csv")
        try Data("session,person,came\n3,K1,Y\n".utf8).write(to: badHeader)
        let refused = try kyosei.run("course", "attend", "\(course)", "--file", badHeader.path)
        #expect(refused.status == 3 && refused.stderr.contains("attendance-bad.csv"))
        #expect(try kyosei.sqliteValue(tables) == before)
    }

    @Test func aCourseWhoseTermHasEndedIsRefused() throws {
        let kyosei = try city(people: 2)
        func create(_ starts: String, _ ends: String) throws -> Int {
            try #require(try json(kyosei.run("course", "create", "--kind", "WORK", "--level", "A2", "--capacity", "5",
                                             "--starts", starts, "--ends", ends, "--json"))["course_id"] as? Int)
        }
        let (running, ended) = (try create("2026-11-01", "2027-01-31"), try create("2026-09-01", "2026-11-22"))
        #expect(try kyosei.run("course", "enroll", "\(running)", "K1").status == 0)
        let enroll = try kyosei.run("course", "enroll", "\(ended)", "K2")
        #expect(enroll.status == 1)
        #expect(enroll.stderr.contains("Course \(ended) ended on 2026-11-22; nobody can be enrolled in or transferred into a course whose term is over."))
        let transfer = try kyosei.run("course", "transfer", "K1", "--from", "\(running)", "--to", "\(ended)")
        #expect(transfer.status == 1 && transfer.stderr.contains("ended on 2026-11-22"))
        #expect(try kyosei.sqliteValue("SELECT course_id || ':' || state FROM course_seat ORDER BY id") == "\(running):ENROLLED")
    }

    /// Two `kyosei` processes take the last seat of a course at the same moment, many times over:
    /// each time exactly one is seated and the other waitlisted.
    @Test func twoProcessesRacingForTheLastSeatNeverBothGetIt() throws {
        let kyosei = try city(people: 2)
        for round in 1...15 {
            let course = try #require(try json(kyosei.run("course", "create", "--kind", "WORK", "--level", "B1", "--capacity", "1",
                                                          "--starts", "2026-12-01", "--ends", "2026-12-20", "--json"))["course_id"] as? Int)
            let racers = try ["K1", "K2"].map { person -> (Process, Pipe) in
                let process = Process(), out = Pipe()
                process.executableURL = KyoseiBinary.executable
                process.arguments = ["course", "enroll", "\(course)", person, "--json"]
                process.environment = kyosei.environment
                process.currentDirectoryURL = kyosei.folder
                process.standardOutput = out
                process.standardError = FileHandle.nullDevice
                return (process, out)
            }
            racers.forEach { try? $0.0.run() }
            let outcomes = racers.map { process, out -> String in
                let data = out.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
                return process.terminationStatus == 0 ? (object?["outcome"] as? String ?? "?") : "failed"
            }
            #expect(outcomes.sorted() == ["enrolled", "waitlisted"], "round \(round)")
            let seated = try kyosei.sqliteValue("SELECT count(*) FROM course_seat WHERE course_id = \(course) AND state = 'ENROLLED'")
            #expect(seated == "1", "round \(round)")
        }
    }
}
