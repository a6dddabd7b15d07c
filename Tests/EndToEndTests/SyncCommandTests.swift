import Foundation
import KyoseiDomain
import KyoseiSampleData
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct SyncCommandTests {
    static let asOf = try! LocalDate("2026-11-01")

    /// The demo inbox: a snapshot, two deltas, a delta with one row of every bad kind, and a
    /// truncated transfer. Every file's outcome, and every bad row's line, is as the city wrote it.
    @Test func theInboxDoesWhatEachFileCallsFor() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        let inbox = kyosei.folder.appendingPathComponent("inbox")
        let archive = kyosei.folder.appendingPathComponent("archive")
        let summary = try SampleCity.writeDemoInbox(to: inbox, residents: 600, seed: 11, municipality: SampleCity.hamamatsu, asOf: Self.asOf)
        let result = try kyosei.run("sync", "inbox", inbox.path, "--archive", archive.path, "--json")
        #expect(result.status == 3, "a refused file makes the run exit 3: \(result.stderr)")
        let outcomes = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(outcomes.count == summary.files.count)
        for (file, outcome) in zip(summary.files, outcomes) {
            #expect(outcome["file"] as? String == file.fileName)
            switch file.expectedOutcome {
            case .applied:
                #expect(outcome["outcome"] as? String == "applied", "\(file.fileName)")
                #expect(outcome["rejected"] as? Int == 0, "\(file.fileName)")
            case .appliedWithRejects(let count):
                #expect(outcome["outcome"] as? String == "applied", "\(file.fileName)")
                #expect(outcome["rejected"] as? Int == count, "\(file.fileName)")
            case .refused:
                #expect(outcome["outcome"] as? String == "refused", "\(file.fileName)")
                #expect((outcome["reason"] as? String)?.isEmpty == false)
            case .alreadyApplied:
                #expect(outcome["outcome"] as? String == "already_applied")
            }
        }
        let rejects = try kyosei.run("rejects", "list", "--json")
        let listed = try JSONSerialization.jsonObject(with: Data(rejects.stdout.utf8)) as? [[String: Any]] ?? []
        let expectedLines = summary.files.flatMap(\.rejectLines).sorted()
        #expect(listed.compactMap { $0["line"] as? Int }.sorted() == expectedLines)
        let refused = summary.files.filter { if case .refused = $0.expectedOutcome { true } else { false } }
        let left = try FileManager.default.contentsOfDirectory(atPath: inbox.path)
        for file in refused { #expect(left.contains(file.fileName), "a refused file stays in the inbox") }
        #expect(try kyosei.run("audit", "verify").status == 0)
    }

    @Test func shiftJISAndUTF8ExportsGiveTheSameResidents() throws {
        var listings: [String] = []
        for encoding in [RegisterFileOptions.Encoding.utf8, .cp932] {
            let kyosei = try KyoseiBinary()
            try kyosei.run("init")
            let city = SampleCity(residents: 300, seed: 5, asOf: Self.asOf)
            let file = try city.writeSnapshot(to: kyosei.folder, sequence: 1, options: RegisterFileOptions(encoding: encoding))
            let applied = try kyosei.run("sync", "register", file.csvURL.path)
            #expect(applied.status == 0, "\(applied.stderr)")
            listings.append(try kyosei.run("resident", "list", "--json").stdout)
        }
        #expect(listings[0] == listings[1])
        #expect(listings[0].contains("name_kana"))
    }

    /// `kill -9` at several moments of a large apply: each time the database is as it was
    /// before the file, and the next run applies it cleanly.
    @Test func killNineMidApplyLeavesNothingHalfWritten() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        let city = SampleCity(residents: 40_000, seed: 3, asOf: Self.asOf)
        let file = try city.writeSnapshot(to: kyosei.folder, sequence: 1)
        var killedMidRun = 0
        for delay in [0.3, 1.0, 2.5] {
            let process = Process()
            process.executableURL = KyoseiBinary.executable
            process.arguments = ["sync", "register", file.csvURL.path]
            process.environment = kyosei.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            guard wasRunning else { continue }
            killedMidRun += 1
            #expect(try kyosei.sqliteValue("SELECT count(*) FROM resident") == "0", "killed after \(delay) s")
            #expect(try kyosei.sqliteValue("SELECT count(*) FROM intake_file") == "0")
            #expect(try kyosei.sqliteValue("PRAGMA integrity_check") == "ok")
        }
        #expect(killedMidRun > 0, "the apply finished before any kill; make the file larger")
        let rerun = try kyosei.run("sync", "register", file.csvURL.path, "--json")
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try kyosei.sqliteValue("SELECT count(*) FROM resident") == String(file.manifest.rowCount - file.rejects.count))
        #expect(try kyosei.run("audit", "verify").status == 0)
    }

    @Test func theNightlyScriptRunsTheInboxAndWritesItsSummary() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        var environment = kyosei.environment
        let inbox = kyosei.folder.appendingPathComponent("inbox")
        environment["KYOSEI_INBOX_DIRECTORY"] = inbox.path
        environment["KYOSEI_INBOX_ARCHIVE"] = kyosei.folder.appendingPathComponent("archive").path
        environment["KYOSEI_LOG_DIR"] = kyosei.folder.appendingPathComponent("log").path
        environment["KYOSEI_BIN"] = KyoseiBinary.executable.path
        try SampleCity.writeDemoInbox(to: inbox.appendingPathComponent("register"), residents: 300, seed: 2,
                                      municipality: SampleCity.hamamatsu, asOf: Self.asOf)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/nightly-reconcile.sh")
        let result = try kyosei.run(executable: script, [], environment: environment)
        #expect(result.status == 3, "the demo inbox holds one refused file: \(result.stderr)")
        let logs = try FileManager.default.contentsOfDirectory(atPath: environment["KYOSEI_LOG_DIR"]!)
        let summaryName = try #require(logs.first { $0.hasSuffix(".json") })
        let data = try Data(contentsOf: URL(fileURLWithPath: environment["KYOSEI_LOG_DIR"]!).appendingPathComponent(summaryName))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(summary["exit_code"] as? Int == 3)
        #expect((summary["register"] as? [[String: Any]])?.count == 5)
        #expect(summary["attention"] is [String: Any])
        #expect((summary["rules"] as? [[String: Any]])?.contains { ($0["raised"] as? Int ?? 0) > 0 } == true)
        #expect(logs.contains { $0.hasSuffix(".log") })
    }

    /// A night with every kind of file: register exports, an insurance roster, a school roster,
    /// an employment report, and a second insurance roster whose header lacks a required column.
    /// The broken roster stays in its inbox with its reason; every other file is applied and
    /// archived; the summary counts the new cases by type and team as the case table holds them.
    @Test func theNightlyScriptAppliesEveryInboxAndSummarisesTheMorning() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        var environment = kyosei.environment
        let inbox = kyosei.folder.appendingPathComponent("inbox")
        let archive = kyosei.folder.appendingPathComponent("archive")
        let logDirectory = kyosei.folder.appendingPathComponent("log")
        environment["KYOSEI_INBOX_DIRECTORY"] = inbox.path
        environment["KYOSEI_INBOX_ARCHIVE"] = archive.path
        environment["KYOSEI_LOG_DIR"] = logDirectory.path
        environment["KYOSEI_BIN"] = KyoseiBinary.executable.path
        let city = SampleCity(residents: 800, seed: 23, asOf: Self.asOf)
        for kind in ["register", "insurance", "school", "employment"] {
            try FileManager.default.createDirectory(at: inbox.appendingPathComponent(kind), withIntermediateDirectories: true)
        }
        let registerInbox = inbox.appendingPathComponent("register")
        let register = [try city.writeSnapshot(to: registerInbox, sequence: 1)]
            + (try city.writeDeltas(to: registerInbox, count: 2, firstSequence: 2))
        let roster = try city.writeInsuranceRoster(
            to: inbox.appendingPathComponent("insurance"), scheme: .nhi, source: "CITY", date: LocalDate("2026-11-15"))
        let broken = inbox.appendingPathComponent("insurance/INS-NP-PENSION-2026-11-16.csv")
        try Data("scheme,insurer_number,member_type,name_kana,birth_date,sex,enrolled_from\r\nNP,12345678,INSURED,ア,1990-01-01,1,2020-01-01\r\n".utf8)
            .write(to: broken)
        let school = try city.writeSchoolRoster(to: inbox.appendingPathComponent("school"), year: SchoolYear(startYear: 2026), term: .t2)
        let employment = try city.writeEmploymentFile(to: inbox.appendingPathComponent("employment"), date: LocalDate("2026-11-20"))

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/nightly-reconcile.sh")
        let result = try kyosei.run(executable: script, [], environment: environment)
        #expect(result.status == 3, "one roster is refused: \(result.stderr)")

        let logs = try FileManager.default.contentsOfDirectory(atPath: logDirectory.path)
        let summaryName = try #require(logs.first { $0.hasPrefix("nightly-") && $0.hasSuffix(".json") })
        let data = try Data(contentsOf: logDirectory.appendingPathComponent(summaryName))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(summary["exit_code"] as? Int == 3)

        let refused = try #require(summary["refused"] as? [[String: String]])
        #expect(refused.count == 1)
        #expect(refused.first?["kind"] == "insurance")
        #expect(refused.first?["file"] == broken.lastPathComponent)
        #expect(refused.first?["outcome"] == "refused", "not held: the file is broken, not a large change")
        #expect(refused.first?["reason"]?.contains("member_number") == true, "\(refused)")
        #expect(FileManager.default.fileExists(atPath: broken.path), "a refused file stays in its inbox")

        let archived = { (kind: String) in
            (try? FileManager.default.contentsOfDirectory(atPath: archive.appendingPathComponent(kind).path)) ?? []
        }
        for file in register { #expect(archived("register").contains(file.fileName)) }
        #expect(archived("insurance") == [roster.csvURL.lastPathComponent])
        #expect(archived("school") == [school.csvURL.lastPathComponent])
        #expect(archived("employment") == [employment.fileName])
        for kind in ["register", "school", "employment"] {
            #expect(try FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent(kind).path).isEmpty, "\(kind)")
        }

        let changes = try #require(summary["changes"] as? [String: [String: Int]])
        #expect(changes["register"]?["files"] == 3)
        #expect(changes["register"]?["added"] == Int(try kyosei.sqliteValue("SELECT count(*) FROM resident")))
        #expect(changes["insurance"]?["files"] == 1)
        #expect(changes["insurance"]?["rows"] == roster.rowCount)
        #expect(changes["school"]?["rows"] == school.rows)
        #expect(changes["employment"]?["rows"] == employment.lines.count + employment.lines(.hireThenSeparation).count)

        let newCases = try #require(summary["new_cases"] as? [String: Any])
        let byType = try #require(newCases["by_type"] as? [String: Int])
        let byTeam = try #require(newCases["by_team"] as? [String: Int])
        let stored = try kyosei.sqliteValue("SELECT case_type || '|' || team || '|' || count(*) FROM cases GROUP BY case_type, team")
        var storedByType: [String: Int] = [:], storedByTeam: [String: Int] = [:]
        for line in stored.split(separator: "\n") {
            let parts = line.split(separator: "|").map(String.init)
            storedByType[parts[0], default: 0] += Int(parts[2])!
            storedByTeam[parts[1], default: 0] += Int(parts[2])!
        }
        #expect(byType == storedByType)
        #expect(byTeam == storedByTeam)
        #expect(newCases["total"] as? Int == storedByType.values.reduce(0, +))
        let rules = try #require(summary["rules"] as? [[String: Any]])
        for rule in rules {
            let type = try #require(rule["case_type"] as? String)
            #expect(byType[type, default: 0] == rule["raised"] as? Int, "\(type)")
        }
        for type in ["COVERAGE_GAP", "SCHOOL_UNCONFIRMED", "EMPLOYMENT_REPORT_ISSUE", "STAY_EXPIRING"] {
            #expect(byType[type, default: 0] > 0, "the night raises \(type) cases")
        }
        #expect(Set(byTeam.keys).isSubset(of: ["east", "west", "north", "counter"]))

        let log = try String(contentsOf: logDirectory.appendingPathComponent(logs.first { $0.hasSuffix(".log") }!), encoding: .utf8)
        #expect(log.contains("MORNING SUMMARY"))
        #expect(log.contains(broken.lastPathComponent))
        #expect(try kyosei.run("audit", "verify").status == 0)
    }
}
