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
