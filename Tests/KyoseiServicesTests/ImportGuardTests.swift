import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiSampleData
import KyoseiServices
import KyoseiStore
import Testing

/// What an attacker or a tired operator hands the import, and what the one driver does with
/// it: files cut off in transfer, near-empty snapshots, links, FIFOs, reused names.
@Suite struct ImportGuardTests {
    let city: TestCity
    let sample: SampleCity
    var imports: FileImport { FileImport(context: city.context) }

    init() throws {
        city = try TestCity()
        sample = SampleCity(residents: 600, seed: 33, asOf: try LocalDate("2026-10-01"))
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 1)
        #expect(try imports.apply(snapshot.csvURL.path, as: .register, by: city.founder).outcome == .applied)
    }

    func count(_ sql: String) throws -> Int {
        try city.context.database.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    func auditText() throws -> String {
        try city.context.database.writer.read { db in try String.fetchAll(db, sql: "SELECT coalesce(detail, '') FROM audit_log") }.joined(separator: "\n")
    }

    /// `head -c` of a real roster, renamed to the next date: refused whole, no enrollment ended.
    @Test func aRosterCutOffInTransferIsRefusedWhole() throws {
        let first = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-11-01"))
        #expect(try imports.apply(first.csvURL.path, as: .insurance(), by: city.founder).outcome == .applied)
        let open = try count("SELECT count(*) FROM enrollment WHERE enrolled_until IS NULL")
        let bytes = try Data(contentsOf: first.csvURL)
        let cut = city.folder.appendingPathComponent("INS-NHI-CITY-2026-12-01.csv")
        try bytes.prefix(bytes.count / 3).write(to: cut)
        let outcome = try imports.apply(cut.path, as: .insurance(), by: city.founder)
        #expect(outcome.outcome == .refused, "\(outcome)")
        #expect(outcome.reason?.contains("truncated in transfer") == true, "\(outcome.reason ?? "")")
        #expect(try count("SELECT count(*) FROM enrollment WHERE enrolled_until IS NULL") == open)
        #expect(try count("SELECT count(*) FROM intake_file WHERE file_name = 'INS-NHI-CITY-2026-12-01.csv'") == 0)
    }

    /// A whole but much shorter roster is held until an operator accepts it, audited.
    @Test func aRosterEndingMostEnrollmentsIsHeldUntilAccepted() throws {
        let first = try sample.writeInsuranceRoster(to: city.folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-11-01"))
        #expect(try imports.apply(first.csvURL.path, as: .insurance(), by: city.founder).outcome == .applied)
        let open = try count("SELECT count(*) FROM enrollment WHERE enrolled_until IS NULL")
        let lines = try String(contentsOf: first.csvURL, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let short = city.folder.appendingPathComponent("INS-NHI-CITY-2026-12-01.csv")
        try (lines.prefix(lines.count / 2).joined(separator: "\r\n") + "\r\n").write(to: short, atomically: true, encoding: .utf8)
        let held = try imports.apply(short.path, as: .insurance(), by: city.founder)
        #expect(held.outcome == .held, "\(held)")
        #expect(held.reason?.contains("of \(open) open enrollments of NHI CITY") == true, "\(held.reason ?? "")")
        #expect(try count("SELECT count(*) FROM enrollment WHERE enrolled_until IS NULL") == open)
        #expect(try auditText().contains("file=INS-NHI-CITY-2026-12-01.csv reason=it would end"))

        let accepted = try imports.apply(short.path, as: .insurance(), acceptLargeChange: true, by: city.founder)
        #expect(accepted.outcome == .applied)
        #expect((accepted.roster?.ended ?? 0) * 100 > open * 10)
        #expect(try auditText().contains("large_change_accepted=\(accepted.roster?.ended ?? -1)/\(open)"))
    }

    /// A snapshot of 3 rows with a correct manifest takes nobody off the register unless accepted.
    @Test func aNearlyEmptySnapshotIsHeld() throws {
        let inRegister = try count("SELECT count(*) FROM resident WHERE register_state = 'REGISTERED'")
        let snapshot = try sample.writeSnapshot(to: city.folder, sequence: 2)
        let lines = try String(contentsOf: snapshot.csvURL, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let path = try RegisterExportFile.rewrite(snapshot.csvURL, keeping: Array(lines.prefix(4)))
        let before = try count("SELECT count(*) FROM history")
        let held = try imports.apply(path, as: .register, by: city.founder)
        #expect(held.outcome == .held, "\(held)")
        #expect(held.reason?.contains("residents in the register") == true)
        #expect(try count("SELECT count(*) FROM resident WHERE register_state = 'REGISTERED'") == inRegister)
        #expect(try count("SELECT count(*) FROM history") == before)
        let nightly = try imports.applyInbox(city.folder.path, of: .register, archive: city.folder.appendingPathComponent("archive").path,
                                             by: city.founder)
        #expect(nightly.filter { $0.file == "REG-221309-000002.csv" }.map(\.outcome) == [.held], "an inbox run never accepts it")
        #expect(FileManager.default.fileExists(atPath: path), "a held file stays in the inbox")
    }

    /// A link named like a roster, pointing at a secret: refused, and the secret appears nowhere.
    @Test func aLinkIsNotFollowedAndItsTargetIsNeverQuoted() throws {
        let secret = city.folder.appendingPathComponent("signing.key")
        try Data("c2VjcmV0LWtleS1ieXRlcy1uZXZlci10by1iZS1zaG93bg==\n".utf8).write(to: secret)
        let inbox = city.folder.appendingPathComponent("inbox-school")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: inbox.appendingPathComponent("SCH-2026-T2.csv").path, withDestinationPath: secret.path)
        let outcomes = try imports.applyInbox(inbox.path, of: .school, archive: nil, by: city.founder)
        #expect(outcomes.map(\.outcome) == [.refused])
        #expect(outcomes.first?.reason?.contains("symbolic link") == true)
        #expect(outcomes.first?.reason?.contains("c2VjcmV0") == false)
        let audit = try auditText()
        #expect(audit.contains("symbolic link") && !audit.contains("c2VjcmV0"))
    }

    /// A FIFO named like an employment file is refused at once instead of hanging the night.
    @Test func aFIFOIsRefusedWithinASecond() throws {
        let fifo = city.folder.appendingPathComponent("EMP-2026-11-20.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let started = Date()
        let outcome = try imports.apply(fifo, as: .employment, by: city.founder)
        #expect(outcome.outcome == .refused)
        #expect(outcome.reason?.contains("FIFO") == true, "\(outcome.reason ?? "")")
        #expect(Date().timeIntervalSince(started) < 1)
    }

    /// A later file under a name already archived is archived beside it; both are kept.
    @Test func archivingNeverOverwrites() throws {
        let inbox = city.folder.appendingPathComponent("inbox-emp"), archive = city.folder.appendingPathComponent("archive-emp")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let header = "report_type,report_date,employer_id,establishment_name,establishment_address,residence_card_number,name_latin,birth_date,sex,nationality,status_of_residence,stay_expiry_date,other_activity_permission,event_date,employment_insurance,weekly_hours,dispatched,occupation"
        for (round, text) in [header + "\r\n", header + "\r\n\r\n"].enumerated() {
            try text.write(to: inbox.appendingPathComponent("EMP-2026-11-20.csv"), atomically: true, encoding: .utf8)
            let outcomes = try imports.applyInbox(inbox.path, of: .employment, archive: archive.path, by: city.founder)
            #expect(outcomes.map(\.outcome) == [.applied], "round \(round): \(outcomes)")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: archive.path).sorted()
        #expect(kept == ["EMP-2026-11-20-2.csv", "EMP-2026-11-20.csv"])
        #expect(try String(contentsOf: archive.appendingPathComponent("EMP-2026-11-20.csv"), encoding: .utf8) == header + "\r\n")
    }
}

/// Rewrites a register export with fewer rows and a manifest that matches them (a correct but
/// nearly empty snapshot, as a broken export job would send).
enum RegisterExportFile {
    static func rewrite(_ csv: URL, keeping lines: [String]) throws -> String {
        let text = lines.joined(separator: "\r\n") + "\r\n"
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let manifestURL = URL(fileURLWithPath: RegisterManifest.path(forCSV: csv.path))
        var manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as! [String: Any]
        manifest["row_count"] = lines.count - 1
        manifest["sha256"] = try FileScan.scan(path: csv.path).sha256
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
        return csv.path
    }
}
