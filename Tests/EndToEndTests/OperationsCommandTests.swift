import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

private func mode(_ path: String) -> mode_t {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
}

private func json(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
}

/// A city with two residents, as the operations tests start from.
private func city() throws -> KyoseiBinary {
    let kyosei = try KyoseiBinary()
    try kyosei.run("init")
    for (name, nationality) in [("SILVA ANA", "BR"), ("TRAN AN", "VN")] {
        try kyosei.run("resident", "add", "--name", name, "--born", "1990-01-01", "--sex", "2", "--nationality", nationality)
    }
    return kyosei
}

@Suite struct OperationsCommandTests {
    @Test func backupAndRestoreKeepTheReplacedDatabase() throws {
        let kyosei = try city()
        #expect(mode(kyosei.databasePath) == 0o600)
        let backup = kyosei.folder.appendingPathComponent("backup.sqlite").path
        let made = try kyosei.run("backup", "--out", backup, "--json")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(mode(backup) == 0o600)
        let verification = try json(made.stdout)["verification"] as? [String: Any]
        #expect((verification?["audit_head"] as? String)?.hasPrefix("3:") == true)
        #expect(try kyosei.run("backup", "--out", backup).status == 1)

        try kyosei.run("resident", "add", "--name", "KIM MINJI", "--born", "2000-05-05", "--sex", "2", "--nationality", "KR")
        let restored = try kyosei.run("restore", backup, "--json")
        #expect(restored.status == 0, "\(restored.stderr)")
        let kept = try #require(try json(restored.stdout)["kept"] as? String)
        #expect(kept.hasPrefix(kyosei.databasePath + ".before-restore-20261123T020000Z"))
        #expect(try kyosei.sqliteValue("SELECT count(*) FROM resident") == "2")
        let keptCount = try kyosei.run(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"), [kept, "SELECT count(*) FROM resident"],
                                       environment: kyosei.environment)
        #expect(keptCount.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
        #expect(try kyosei.run("audit", "verify").status == 0)
    }

    @Test func restoreRefusesACorruptedCopyAndAnotherCitysCopy() throws {
        let kyosei = try city()
        let corrupt = kyosei.folder.appendingPathComponent("corrupt.sqlite").path
        try kyosei.run("backup", "--out", corrupt)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: corrupt))
        let size = try handle.seekToEnd()
        var offset: UInt64 = 4096 + 16
        while offset + 512 < size {
            try handle.seek(toOffset: offset)
            handle.write(Data(repeating: 0x5A, count: 512))
            offset += 4096
        }
        try handle.close()
        let refused = try kyosei.run("restore", corrupt)
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(refused.stderr.contains("cannot be restored"))

        let other = kyosei.folder.appendingPathComponent("toyota.sqlite").path
        try kyosei.run("backup", "--out", other)
        _ = try kyosei.run(executable: URL(fileURLWithPath: "/usr/bin/sqlite3"),
                           [other, "UPDATE meta SET value = '232114' WHERE key = 'municipality_code'"], environment: kyosei.environment)
        let foreign = try kyosei.run("restore", other)
        #expect(foreign.status == 3)
        #expect(foreign.stderr.contains("belongs to municipality 232114"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: kyosei.folder.path).allSatisfy { !$0.contains("before-restore") })
    }

    @Test func doctorPassesAHealthyCityAndNamesEachProblem() throws {
        let kyosei = try city()
        let healthy = try kyosei.run("doctor", "--json")
        #expect(healthy.status == 0, "\(healthy.stderr)")
        #expect(try json(healthy.stdout)["healthy"] as? Bool == true)

        try kyosei.sqlite("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'x' WHERE seq = 2")
        let broken = try kyosei.run("doctor")
        #expect(broken.status == 3)
        #expect(broken.stderr.contains("audit chain: broken"))
    }

    @Test func doctorFailsOnOverwrittenBytes() throws {
        let kyosei = try city()
        let page = try #require(Int(try kyosei.sqliteValue(
            "PRAGMA wal_checkpoint(TRUNCATE); SELECT rootpage FROM sqlite_master WHERE name = 'resident_unlinked_birth'")
            .split(separator: "\n").last ?? ""))
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: kyosei.databasePath))
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        handle.write(Data(repeating: 0xEE, count: 4096))
        try handle.close()
        let doctor = try kyosei.run("doctor")
        #expect(doctor.status == 3, "\(doctor.stderr)")
        #expect(doctor.stderr.contains("integrity"))
    }

    @Test func expectHeadCatchesACutChainAndAForgedSignature() throws {
        var kyosei = try city()
        let key = kyosei.folder.appendingPathComponent("head.key").path
        #expect(try kyosei.run("audit", "keygen", "--out", key).status == 0)
        #expect(mode(key) == 0o600)
        kyosei.environment["KYOSEI_AUDIT_SIGNING_KEY_FILE"] = key
        let line = try kyosei.run("audit", "head").stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        let (head, signature) = (line[0], line[1])
        #expect(try kyosei.run("audit", "sign", head, "--key", key).stdout.contains(signature))
        let good = try kyosei.run("audit", "verify", "--expect-head", head, "--signature", signature, "--public-key", key + ".pub")
        #expect(good.status == 0, "\(good.stderr)")

        let earlier = try kyosei.sqliteValue("SELECT seq || ':' || hash FROM audit_log WHERE seq = 2")
        let forged = try kyosei.run("audit", "verify", "--expect-head", earlier, "--signature", signature, "--public-key", key + ".pub")
        #expect(forged.status == 3)
        #expect(forged.stderr.contains("signature does not match"))

        let sequence = head.split(separator: ":")[0]
        try kyosei.sqlite("DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_subject_no_delete; DELETE FROM audit_subject WHERE seq >= \(sequence); DELETE FROM audit_log WHERE seq >= \(sequence)")
        let cut = try kyosei.run("audit", "verify", "--expect-head", head)
        #expect(cut.status == 3)
        #expect(cut.stderr.contains("cut off"))
        #expect(try kyosei.run("audit", "verify").status == 0, "the chain alone cannot see its end cut off")
    }

    @Test func aDatabaseEveryoneMayReadIsRefused() throws {
        let kyosei = try city()
        chmod(kyosei.databasePath, 0o644)
        let refused = try kyosei.run("resident", "list")
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("chmod 600 \(kyosei.databasePath)"))
    }

    @Test func theNightlyScriptKeepsBackupGenerationsAndLogsTheHead() throws {
        let kyosei = try city()
        var environment = kyosei.environment
        let backups = kyosei.folder.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        for stamp in ["20260101T000000Z", "20260102T000000Z", "20260103T000000Z"] {
            try kyosei.run("backup", "--out", backups.appendingPathComponent("kyosei-\(stamp).sqlite").path)
        }
        environment["KYOSEI_BACKUP_DIRECTORY"] = backups.path
        environment["KYOSEI_BACKUP_GENERATIONS"] = "2"
        environment["KYOSEI_INBOX_DIRECTORY"] = kyosei.folder.appendingPathComponent("inbox").path
        environment["KYOSEI_INBOX_ARCHIVE"] = kyosei.folder.appendingPathComponent("archive").path
        environment["KYOSEI_LOG_DIR"] = kyosei.folder.appendingPathComponent("log").path
        environment["KYOSEI_BIN"] = KyoseiBinary.executable.path
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/nightly-reconcile.sh")
        let result = try kyosei.run(executable: script, [], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: backups.path).sorted()
        #expect(kept.count == 2)
        #expect(kept.first == "kyosei-20260103T000000Z.sqlite")
        #expect(result.stderr.contains("audit head "))
        let logs = try FileManager.default.contentsOfDirectory(atPath: environment["KYOSEI_LOG_DIR"]!)
        let log = try #require(logs.first { $0.hasSuffix(".log") })
        #expect(mode(environment["KYOSEI_LOG_DIR"]! + "/" + log) == 0o600)
    }
}
