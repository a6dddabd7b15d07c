import Foundation
import KyoseiDomain
import KyoseiSampleData
import Testing

/// The reports as the city runs them: a register, then tables that leave the building.
@Suite struct ReportCommandTests {
    static let city = SampleCity(residents: 600, seed: 11, asOf: try! LocalDate("2026-05-01"))

    private func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    @Test func populationReportMatchesTheRegister() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        let snapshot = try Self.city.writeSnapshot(to: kyosei.folder, sequence: 1)
        #expect(try kyosei.run("sync", "register", snapshot.csvURL.path).status == 0)

        let report = try kyosei.run("report", "population", "--as-of", "2026-11-01", "--by", "nationality", "--format", "json")
        #expect(report.status == 0, "\(report.stderr)")
        let registered = try kyosei.sqliteValue("""
            SELECT count(*) FROM resident WHERE register_state IN ('REGISTERED','ABROAD')
            AND (resident_since IS NULL OR resident_since <= '2026-11-01')
            """)
        #expect((try json(report.stdout)["total"] as? [String: Any])?["Residents"] as? Int == Int(registered))
        let anyone = try kyosei.sqliteValue("SELECT person_id FROM resident WHERE person_id IS NOT NULL LIMIT 1")
        #expect(!report.stdout.contains(anyone))

        let csv = kyosei.folder.appendingPathComponent("population.csv")
        #expect(try kyosei.run("report", "population", "--by", "district", "--format", "csv", "--out", csv.path).status == 0)
        #expect(Array(try Data(contentsOf: csv).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(try kyosei.run("report", "population", "--by", "religion").status == 1)
    }
}

/// The Alliance round trip: a city's file, then the office adding cities together.
@Suite struct AllianceCommandTests {
    @Test func exportThenMergeAndRefuseWhatCannotBeAdded() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        let snapshot = try ReportCommandTests.city.writeSnapshot(to: kyosei.folder, sequence: 1)
        #expect(try kyosei.run("sync", "register", snapshot.csvURL.path).status == 0)

        let mine = kyosei.folder.appendingPathComponent("221309.json")
        let exported = try kyosei.run("report", "alliance", "--period", "FY2026", "--out", mine.path)
        #expect(exported.status == 0, "\(exported.stderr)")
        let text = try String(contentsOf: mine, encoding: .utf8)
        let file = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        #expect(file["schema_version"] as? Int == 2)
        #expect(file["period"] as? String == "FY2026")
        #expect(file["first_day"] as? String == "2026-04-01" && file["last_day"] as? String == "2027-03-31")
        #expect(Set((file["tables"] as? [String: Any])?.keys.map { $0 } ?? []) == ["population", "coverage", "employment", "schooling", "language"])
        let anyone = try kyosei.sqliteValue("SELECT person_id FROM resident WHERE person_id IS NOT NULL LIMIT 1")
        #expect(!text.contains(anyone))

        let other = kyosei.folder.appendingPathComponent("232114.json")
        try text.replacingOccurrences(of: "\"221309\"", with: "\"232114\"").write(to: other, atomically: true, encoding: .utf8)
        let merged = kyosei.folder.appendingPathComponent("alliance.json")
        let merge = try kyosei.run("alliance", "merge", mine.path, other.path, "--out", merged.path)
        #expect(merge.status == 0, "\(merge.stderr)")
        let roll = try JSONSerialization.jsonObject(with: Data(contentsOf: merged)) as? [String: Any] ?? [:]
        #expect(roll["municipalities"] as? [String] == ["221309", "232114"])

        let twice = try kyosei.run("alliance", "merge", mine.path, mine.path, "--out", merged.path)
        #expect(twice.status == 3)
        #expect(twice.stderr.contains("221309.json and 221309.json are both from city 221309"), "\(twice.stderr)")
        let quarter = kyosei.folder.appendingPathComponent("quarter.json")
        try text.replacingOccurrences(of: "\"FY2026\"", with: "\"2026-Q4\"")
            .replacingOccurrences(of: "\"221309\"", with: "\"232114\"").write(to: quarter, atomically: true, encoding: .utf8)
        let mixed = try kyosei.run("alliance", "merge", mine.path, quarter.path, "--out", merged.path)
        #expect(mixed.status == 3 && mixed.stderr.contains("quarter.json is for 2026-Q4"), "\(mixed.stderr)")
        let older = kyosei.folder.appendingPathComponent("older.json")
        try text.replacingOccurrences(of: "\"schema_version\" : 2", with: "\"schema_version\" : 1")
            .replacingOccurrences(of: "\"221309\"", with: "\"232114\"").write(to: older, atomically: true, encoding: .utf8)
        let versions = try kyosei.run("alliance", "merge", mine.path, older.path, "--out", merged.path)
        #expect(versions.status == 3 && versions.stderr.contains("older.json has schema version 1 but this Kyosei merges version 2"),
                "\(versions.stderr)")
        #expect(try kyosei.run("report", "alliance", "--period", "FY26", "--out", mine.path).status == 1)
    }
}
