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
}
