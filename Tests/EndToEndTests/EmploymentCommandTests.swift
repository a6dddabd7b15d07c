import Foundation
import KyoseiDomain
import KyoseiSampleData
import Testing

/// The employment commands run as staff would: a city's register, then its employment file.
@Suite struct EmploymentCommandTests {
    static let city = SampleCity(residents: 800, seed: 7, asOf: try! LocalDate("2026-05-01"))

    private func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func importListReportAndRaiseCases() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        let snapshot = try Self.city.writeSnapshot(to: kyosei.folder, sequence: 1)
        #expect(try kyosei.run("sync", "register", snapshot.csvURL.path).status == 0)
        let file = try Self.city.writeEmploymentFile(to: kyosei.folder, date: LocalDate("2026-11-20"), rounds: 3)

        let imported = try kyosei.run("import", "employment", file.path, "--json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let outcome = try json(imported.stdout) as? [String: Any] ?? [:]
        #expect(outcome["outcome"] as? String == "applied")
        #expect(outcome["rejected"] as? Int == 9)
        let again = try kyosei.run("import", "employment", file.path, "--json")
        #expect((try json(again.stdout) as? [String: Any])?["outcome"] as? String == "already_applied")

        let findings = try kyosei.run("employment", "findings", "--kind", "EI_MISSING", "--json")
        let listed = try json(findings.stdout) as? [[String: String]] ?? []
        #expect(listed.count == 6)
        for row in listed {
            for key in ["residence_card_number", "person_id", "report_type", "event_date", "finding", "reason"] {
                #expect(row[key]?.isEmpty == false, "\(key) missing")
            }
        }
        let expectedCards = Set(file.lines(.eiMissing).map(\.cardNumber) + file.lines(.dispatchedUninsured).map(\.cardNumber))
        #expect(Set(listed.compactMap { $0["residence_card_number"] }) == expectedCards)
        let since = try kyosei.run("employment", "findings", "--since", "2026-12-01", "--json")
        #expect((try json(since.stdout) as? [Any])?.isEmpty == true)

        let person = try #require(file.lines(.lateHire).first?.personID)
        let shown = try kyosei.run("employment", "show", person)
        #expect(shown.status == 0 && shown.stdout.contains("LATE_REPORT"), "\(shown.stderr)")

        let employers = try kyosei.run("employer", "list", "--sort", "dispatched", "--json")
        let list = try json(employers.stdout) as? [[String: String]] ?? []
        #expect(list.count == 3)
        #expect(list.first?["name"] == "Enshu Staffing Service")
        let employer = try #require(list.first?["employer_id"])
        let detail = try kyosei.run("employer", "show", employer)
        #expect(detail.status == 0 && detail.stdout.contains("Enshu Staffing Service"))
        #expect(try kyosei.run("employer", "show", "L00000000000000").status == 1)
        #expect(try kyosei.run("employer", "list", "--sort", "size").status == 1)

        let report = try kyosei.run("report", "employment", "--period", "2026-Q3", "--by", "nationality", "--format", "json")
        #expect(report.status == 0, "\(report.stderr)")
        let table = try json(report.stdout) as? [String: Any] ?? [:]
        let total = table["total"] as? [String: Any] ?? [:]
        #expect(total["Hires"] as? Int == file.lines.filter { !$0.scenario.isReject && $0.scenario != .separationWithoutHire }.count)
        #expect(!report.stdout.contains(person))
        #expect(try kyosei.run("report", "employment", "--period", "2026-Q5").status == 1)

        let rules = try kyosei.run("rules", "run", "--json")
        #expect(rules.status == 0, "\(rules.stderr)")
        let cases = try kyosei.run("case", "list", "--type", "EMPLOYMENT_REPORT_ISSUE", "--json")
        let raised = try json(cases.stdout) as? [[String: Any]] ?? []
        #expect(raised.count >= 20)
        #expect(try kyosei.run("audit", "verify").status == 0)
    }

    @Test func aBrokenFileExitsThree() throws {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        let broken = kyosei.folder.appendingPathComponent("EMP-2026-11-20.csv")
        try "report_type,report_date\r\nHIRE,\"2026-11-01\r\n".write(to: broken, atomically: true, encoding: .utf8)
        let result = try kyosei.run("import", "employment", broken.path)
        #expect(result.status == 3)
        #expect(result.stdout.contains("REFUSED"))
    }
}
