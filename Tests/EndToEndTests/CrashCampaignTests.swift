import Foundation
import KyoseiDomain
import KyoseiSampleData
import Testing

/// The crash campaign in small (`Scripts/crash-campaign.sh` runs it at scale): a changed
/// snapshot and a delta applied to a populated register, each killed with `kill -9` inside its
/// write transaction (the import's test hook holds it open there, every row applied, so the
/// kill lands at the worst moment on purpose) and at a few moments by chance. After every kill
/// `doctor` passes and the data, every table but the audit log compared row by row, is exactly
/// as it was before the file or as it is after it; a run to the end then gives the after.
@Suite struct CrashCampaignTests {
    static let asOf = try! LocalDate("2026-11-01")

    static var dumpScript: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scripts/dump-data.py")
    }

    @Test func killNineInsideTheTransactionLeavesBeforeOrAfter() throws {
        let kyosei = try KyoseiBinary()
        #expect(try kyosei.run("init").status == 0)
        let city = SampleCity(residents: 4_000, seed: 11, asOf: Self.asOf)
        let first = try city.writeSnapshot(to: kyosei.folder, sequence: 1)
        #expect(try kyosei.run("sync", "register", first.csvURL.path).status == 0)
        let changed = try city.writeChangedSnapshot(to: kyosei.folder, sequence: 2, asOf: try LocalDate("2026-11-15"))
        let delta = try city.writeDelta(number: 1, to: kyosei.folder, sequence: 3, eventsPerType: 40)

        func dump(_ database: String) throws -> String {
            let out = kyosei.folder.appendingPathComponent("dump-\(UUID().uuidString).txt")
            let result = try kyosei.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.dumpScript.path, database, out.path],
                                        environment: kyosei.environment)
            try #require(result.status == 0, "\(result.stderr)")
            return try String(contentsOf: out, encoding: .utf8)
        }
        /// Starts the file's apply and kills it, once paused in its transaction or after `delay`;
        /// true if it was still running then.
        func killed(_ file: URL, pausing: Bool, after delay: TimeInterval) throws -> Bool {
            let signal = kyosei.folder.appendingPathComponent("paused-\(UUID().uuidString)")
            let process = Process()
            process.executableURL = KyoseiBinary.executable
            process.arguments = ["sync", "register", file.path]
            process.environment = kyosei.environment.merging(pausing ? ["KYOSEI_TEST_PAUSE_IN_IMPORT": signal.path] : [:]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if pausing {
                let deadline = Date().addingTimeInterval(120)
                while !FileManager.default.fileExists(atPath: signal.path), process.isRunning, Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.02)
                }
                #expect(FileManager.default.fileExists(atPath: signal.path), "the import never reached its pause")
            } else {
                Thread.sleep(forTimeInterval: delay)
            }
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return wasRunning
        }

        var random = SplitMix64(seed: 20)
        for file in [changed, delta] {
            let name = file.csvURL.lastPathComponent
            let before = try dump(kyosei.databasePath)
            // The same file applied to the end on a copy taken now: what "after" must be.
            let copy = kyosei.folder.appendingPathComponent("after.sqlite").path
            try? FileManager.default.removeItem(atPath: copy)
            _ = try kyosei.sqliteValue(".backup '\(copy)'")
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy)
            var onCopy = kyosei
            onCopy.environment["KYOSEI_DB"] = copy
            let applied = try onCopy.run("sync", "register", file.csvURL.path)
            #expect(applied.status == 0, "\(name): \(applied.stdout)\(applied.stderr)")
            let after = try dump(copy)
            #expect(after != before, "\(name) changes something")

            #expect(try killed(file.csvURL, pausing: true, after: 0), "\(name): killed while paused in its transaction")
            #expect(try dump(kyosei.databasePath) == before, "\(name): a kill inside the transaction leaves the data as before")
            #expect(try kyosei.run("doctor").status == 0, "\(name): doctor after the kill")

            for _ in 0..<3 {
                let delay = Double(random.next() % 1_500) / 1_000
                _ = try killed(file.csvURL, pausing: false, after: delay)
                let now = try dump(kyosei.databasePath)
                #expect(now == before || now == after, "\(name): killed after \(delay) s, the data is neither before nor after")
                #expect(try kyosei.run("doctor").status == 0, "\(name): doctor after a kill at \(delay) s")
            }
            let rerun = try kyosei.run("sync", "register", file.csvURL.path)
            #expect([0, 1].contains(rerun.status), "\(name): \(rerun.stdout)\(rerun.stderr)")
            #expect(try dump(kyosei.databasePath) == after, "\(name): run to the end after the kills")
        }
        #expect(try kyosei.run("audit", "verify").status == 0)
    }
}
