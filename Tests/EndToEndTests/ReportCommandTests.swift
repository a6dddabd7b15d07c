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
