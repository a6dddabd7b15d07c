import Foundation
import GRDB
import KyoseiDomain
import KyoseiServices
import KyoseiStore
import KyoseiTestSupport
import Logging
import Testing

/// Copies of a city database for the backup and restore tests, and the tools to spoil them.
private extension TestCity {
    var backups: BackupService { BackupService(context: context) }

    func backupPath(_ name: String = "copy.sqlite") -> String { folder.appendingPathComponent(name).path }

    func residentCount() throws -> Int {
        try context.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM resident") ?? 0 }
    }

    /// A context on the same database whose settings differ (inbox, signing key, staff group).
    func with(_ change: (inout Settings) -> Void) -> ServiceContext {
        var settings = context.settings
        change(&settings)
        return ServiceContext(database: context.database, settings: settings, clock: context.clock, logger: Logger(label: "test"))
    }
}

private func sqlite(_ path: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw TestFailure("sqlite3 failed on: \(sql)") }
}

/// Overwrites every page after the first from byte 16 on, as a failing disk might.
private func spoil(_ path: String) throws {
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    let size = try handle.seekToEnd()
    var offset: UInt64 = 4096 + 16
    while offset + 256 < size {
        try handle.seek(toOffset: offset)
        handle.write(Data(repeating: 0xA5, count: 256))
        offset += 4096
    }
    try handle.close()
}

/// A name without digits (names are Latin letters only): 0 → AA, 1 → BA, 27 → BB.
private func letters(_ i: Int) -> String {
    String(UnicodeScalar(UInt8(65 + i % 26))) + String(UnicodeScalar(UInt8(65 + i / 26 % 26)))
}

private func mode(_ path: String) -> Int { Int(PrivateFileMode.mode(of: path) ?? 0) }

@Suite struct BackupTests {
    @Test func backupWhileAWriterIsBusy() async throws {
        let city = try TestCity()
        for i in 0..<20 { try city.add("RESIDENT " + letters(i)) }
        let before = try city.residentCount()
        let writer = Task.detached { for i in 0..<150 { try city.add("WRITER " + letters(i)) } }
        let report = try city.backups.backup(to: city.backupPath(), by: city.founder)
        try await writer.value
        #expect(report.verification.isSound)
        #expect(mode(city.backupPath()) == 0o600)
        let copy = try DatabaseQueue(path: city.backupPath())
        let copied = try await copy.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM resident") ?? 0 }
        #expect(copied >= before && copied <= before + 150)
        #expect(try city.residentCount() == before + 150)
        #expect(try city.audit.verify(by: city.founder).isIntact)
        let last = try city.audit.log(AuditFilter(), by: city.founder).map(\.action)
        #expect(last.contains("backup"))
    }

    @Test func backupRefusesToOverwriteAFile() throws {
        let city = try TestCity()
        try city.backups.backup(to: city.backupPath(), by: city.founder)
        #expect(throws: ServiceError.self) { try city.backups.backup(to: city.backupPath(), by: city.founder) }
    }

    @Test func onlyAdministratorsAndTheNightlyJobMayBackUp() throws {
        let city = try TestCity()
        let caseworker = try city.member("tanaka", .caseworker)
        let error = #expect(throws: ServiceError.self) { try city.backups.backup(to: city.backupPath(), by: caseworker) }
        #expect(error?.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: city.backupPath()))
        #expect(try city.audit.log(AuditFilter(staff: "tanaka"), by: city.founder).map(\.action) == ["refused:backup"])
        #expect(throws: ServiceError.self) { try DoctorService(context: city.context).examine(by: caseworker) }
    }

    @Test func restoreRefusesACorruptedCopy() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        try city.backups.backup(to: city.backupPath(), by: city.founder)
        try spoil(city.backupPath())
        let error = #expect(throws: ServiceError.self) { try city.backups.restore(from: city.backupPath(), by: city.founder) }
        #expect(error?.exitCode == 3)
        #expect(try city.residentCount() == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: city.folder.path).allSatisfy { !$0.contains("before-restore") })
    }

    @Test func restoreRefusesANewerSchema() throws {
        let city = try TestCity()
        try city.backups.backup(to: city.backupPath(), by: city.founder)
        try sqlite(city.backupPath(), "INSERT INTO grdb_migrations(identifier) VALUES ('999_from_the_future')")
        let error = #expect(throws: ServiceError.self) { try city.backups.restore(from: city.backupPath(), by: city.founder) }
        #expect(error?.description.contains("newer Kyosei") == true)
    }

    @Test func restoreRefusesAnotherMunicipalitysCopy() throws {
        let city = try TestCity()
        try city.backups.backup(to: city.backupPath(), by: city.founder)
        try sqlite(city.backupPath(), "UPDATE meta SET value = '232114' WHERE key = 'municipality_code'")
        let error = #expect(throws: ServiceError.self) { try city.backups.restore(from: city.backupPath(), by: city.founder) }
        #expect(error?.description.contains("municipality 232114") == true)
        #expect(try city.audit.log(AuditFilter(), by: city.founder).contains { $0.action == "restore" && $0.detail.contains("refused") })
    }

    @Test func restoreKeepsTheDatabaseItReplaces() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        try city.backups.backup(to: city.backupPath(), by: city.founder)
        try city.add("TRAN AN", nationality: "VN")
        let report = try city.backups.restore(from: city.backupPath(), by: city.founder)
        #expect(try city.residentCount() == 1)
        #expect(report.kept.hasPrefix(city.path + ".before-restore-"))
        #expect(mode(report.kept) == 0o600)
        let kept = try DatabaseQueue(path: report.kept)
        #expect(try kept.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM resident") } == 2)
        #expect(try city.audit.verify(by: city.founder).isIntact)
        #expect(try city.audit.log(AuditFilter(), by: city.founder).contains { $0.action == "restore" && $0.detail.contains("kept=") })
        #expect(try city.backups.restore(from: city.backupPath(), by: city.founder).kept != report.kept)
    }
}

@Suite struct DoctorTests {
    @Test func aFreshCityIsHealthy() throws {
        let city = try TestCity()
        let report = try DoctorService(context: city.context).examine(by: city.founder)
        #expect(report.isHealthy, "\(report.problems)")
        #expect(report.checks.map(\.name).contains("last register file"))
        #expect(report.checks.first { $0.name == "audit chain" }?.detail.contains("intact") == true)
    }

    @Test func aBrokenAuditChainIsAProblem() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        try city.sqlite("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'x' WHERE seq = 1")
        let report = try DoctorService(context: city.context).examine(by: city.founder)
        #expect(report.problems.map(\.name) == ["audit chain"])
    }

    @Test func aFileLeftInTheInboxForADayIsAProblemAndRejectsAreAWarning() throws {
        let city = try TestCity()
        let inbox = city.folder.appendingPathComponent("inbox")
        let context = city.with { $0.inboxDirectory = inbox.path }
        let doctor = DoctorService(context: context)
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("register"), withIntermediateDirectories: true)
        let file = inbox.appendingPathComponent("register/REG-221309-000007.csv")
        try Data("x".utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: context.clock.now.addingTimeInterval(-3600)], ofItemAtPath: file.path)
        #expect(try doctor.examine(by: city.founder).isHealthy)
        try FileManager.default.setAttributes([.modificationDate: context.clock.now.addingTimeInterval(-3 * 86_400)], ofItemAtPath: file.path)
        #expect(try doctor.examine(by: city.founder).problems.map(\.name) == ["inbox"])
        try FileManager.default.removeItem(at: file)

        try city.sqlite("""
            INSERT INTO intake_file(kind, file_name, sha256, sequence, export_kind, encoding, header, row_count, rows_applied,
                                    rows_rejected, summary, applied_at, applied_by)
            VALUES ('REGISTER', 'REG-221309-000001.csv', '\(String(repeating: "a", count: 64))', 1, 'snapshot', 'UTF-8', 'a', 1, 0, 1,
                    '', '2026-11-20T02:00:00.000Z', 'founder');
            INSERT INTO intake_reject(file_id, line, columns, reasons, record_text) VALUES (1, 2, 'a', '[]', 'x');
            """)
        let report = try doctor.examine(by: city.founder)
        #expect(report.isHealthy)
        #expect(report.checks.first { $0.name == "rejects" }?.status == .warning)
        #expect(report.checks.first { $0.name == "last register file" }?.detail.contains("REG-221309-000001.csv (sequence 1)") == true)
    }

    @Test func aForeignKeyPointingNowhereIsAProblem() throws {
        let city = try TestCity()
        try city.sqlite("PRAGMA foreign_keys = OFF; INSERT INTO intake_reject(file_id, line, columns, reasons, record_text) VALUES (42, 2, 'a', '[]', 'x')")
        let report = try DoctorService(context: city.context).examine(by: city.founder)
        #expect(report.problems.map(\.name) == ["foreign keys"])
    }
}

@Suite struct AuditAnchorTests {
    @Test func expectHeadCatchesTheNewestEntriesCutOff() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        try city.add("TRAN AN", nationality: "VN")
        let anchors = AuditAnchorService(context: city.context)
        let head = try AuditAnchor(try anchors.head(by: city.founder).head)
        #expect(try anchors.verify(head, signature: nil, publicKey: nil, by: city.founder).isIntact)
        try city.sqlite("""
            DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_subject_no_delete;
            DELETE FROM audit_subject WHERE seq >= \(head.sequence); DELETE FROM audit_log WHERE seq >= \(head.sequence)
            """)
        #expect(try city.audit.verify(by: city.founder).isIntact, "the chain alone cannot see the cut")
        let error = #expect(throws: ServiceError.self) { try anchors.verify(head, signature: nil, publicKey: nil, by: city.founder) }
        #expect(error?.exitCode == 3)
    }

    @Test func aSignedHeadVerifiesAndAForgedOneDoesNot() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        let key = city.folder.appendingPathComponent("head.key").path
        let publicKey = try #require(FileManager.default.contents(atPath: try AuditSigningKey.generate(at: key)))
        #expect(mode(key) == 0o600)
        let anchors = AuditAnchorService(context: city.with { $0.auditSigningKeyFile = key })
        let signed = try anchors.head(by: city.founder)
        let signature = try #require(signed.signature)
        let head = try AuditAnchor(signed.head)
        #expect(try anchors.verify(head, signature: signature, publicKey: publicKey, by: city.founder).isIntact)

        let later = try AuditAnchor(try anchors.head(by: city.founder).head)
        #expect(throws: ServiceError.self) { try anchors.verify(later, signature: signature, publicKey: publicKey, by: city.founder) }
        let otherKey = city.folder.appendingPathComponent("other.key").path
        let otherPublic = try #require(FileManager.default.contents(atPath: try AuditSigningKey.generate(at: otherKey)))
        #expect(throws: ServiceError.self) { try anchors.verify(head, signature: signature, publicKey: otherPublic, by: city.founder) }

        chmod(key, 0o644)
        let error = #expect(throws: ServiceError.self) { try anchors.head(by: city.founder) }
        #expect(error?.description.contains("chmod 600") == true)
    }

    @Test func anAnchorMustBeNumberColonHash() throws {
        #expect(throws: ValidationError.self) { try AuditAnchor("12") }
        #expect(throws: ValidationError.self) { try AuditAnchor("0:" + String(repeating: "a", count: 64)) }
        #expect(throws: ValidationError.self) { try AuditAnchor("3:abc") }
        #expect(try AuditAnchor("3:" + String(repeating: "a", count: 64)).sequence == 3)
    }
}

@Suite struct FileModeTests {
    @Test func theDatabaseAndItsWALAreOwnerOnly() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        #expect(mode(city.path) == 0o600)
        #expect(mode(city.path + "-wal") == 0o600)
        #expect(mode(city.path + "-shm") == 0o600)
    }

    /// Staff reach the data through the server, so the database is its owner's alone even when
    /// the city names a staff group; the group reads the backups it is given, and a group that
    /// does not exist is refused there.
    @Test func aStaffGroupNeverReadsTheDatabaseButMayReadBackups() throws {
        let folder = try TestFolder.make("kyosei-test")
        let path = folder.appendingPathComponent("kyosei.sqlite").path
        let settings = Settings(municipalityCode: TestCity.municipality, staffGroup: "root")
        let context = try Startup.initialize(databasePath: path, settings: settings, founder: "founder", displayName: nil,
                                             clock: KyoseiClock(), logger: Logger(label: "test"))
        #expect(mode(path) == 0o600)
        let founder = try context.staffMember(login: "founder")
        let backup = folder.appendingPathComponent("backup.sqlite").path
        _ = try BackupService(context: context).backup(to: backup, by: founder)
        #expect(mode(backup) == 0o640)
        let broken = ServiceContext(
            database: context.database, settings: Settings(municipalityCode: TestCity.municipality, staffGroup: "no-such-group-kyosei"),
            clock: KyoseiClock(), logger: Logger(label: "test"))
        #expect(throws: (any Error).self) {
            try BackupService(context: broken).backup(to: folder.appendingPathComponent("other.sqlite").path, by: founder)
        }
    }

    @Test func aDatabaseEveryoneMayReadIsRefused() throws {
        let city = try TestCity()
        chmod(city.path, 0o644)
        let error = #expect(throws: ServiceError.self) {
            try Startup.open(databasePath: city.path, settings: city.context.settings, clock: city.context.clock, logger: Logger(label: "t"))
        }
        #expect(error?.description.contains("chmod 600 \(city.path)") == true)
        chmod(city.path, 0o600)
        #expect(throws: Never.self) {
            try Startup.open(databasePath: city.path, settings: city.context.settings, clock: city.context.clock, logger: Logger(label: "t"))
        }
    }
}

@Suite struct RestoreFailureTests {
    /// The audit spool a restore's audit entry would fold is unreadable: the restore used to
    /// replace the database first and fail after, with no entry; now it fails before the swap.
    @Test func aRestoreThatFailsLeavesTheDatabaseUntouchedAndAudited() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        try city.backups.backup(to: city.backupPath(), by: city.founder)
        try city.add("TRAN AN", nationality: "VN")
        let spool = city.context.database.auditSpool.path
        #expect(FileManager.default.createFile(atPath: spool, contents: Data(repeating: 0x5A, count: 8192),
                                               attributes: [.posixPermissions: 0o600]))
        let error = #expect(throws: ServiceError.self) { try city.backups.restore(from: city.backupPath(), by: city.founder) }
        #expect(error?.exitCode == 4)
        #expect(error?.description.contains("the live database was not changed") == true)
        #expect(try city.residentCount() == 2)
        try FileManager.default.removeItem(atPath: spool)
        let entries = try city.audit.log(AuditFilter(), by: city.founder)
        let failed = try #require(entries.last { $0.action == "restore" })
        #expect(failed.detail.contains("failed"))
        #expect(try city.audit.verify(by: city.founder).isIntact)
        #expect(try FileManager.default.contentsOfDirectory(atPath: city.folder.path).allSatisfy { !$0.contains(".restoring-") })
    }
}
