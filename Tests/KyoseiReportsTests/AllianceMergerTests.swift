import Foundation
import KyoseiReports
import Testing

@Suite struct AllianceMergerTests {
    static let minimum = 5

    func city(_ code: String, period: String = "FY2026", population: [String: Int], version: Int = AllianceFile.currentSchemaVersion) -> AllianceFile {
        var file = AllianceFile(
            municipalityCode: code, municipalities: nil, period: period, firstDay: "2026-04-01", lastDay: "2027-03-31",
            generatedAt: "2027-04-02T00:00:00.000Z",
            tables: AllianceFile.Tables(
                population: Suppression.countTable(
                    CountTable(PopulationTable.counts(groupedBy: "nationality", groups: population)),
                    columns: PopulationTable.columns, minimum: Self.minimum),
                coverage: CountTable(CoverageTable.counts(groupedBy: "nationality", groups: [:], obligations: CoverageObligationKey.alliance)),
                employment: CountTable(EmploymentTable.counts(groupedBy: "nationality", groups: [:])),
                schooling: CountTable(SchoolingTable.counts(groupedBy: "nationality", groups: [:])),
                language: CountTable(LanguageTable.counts(groupedBy: "nationality", groups: [:]))))
        file.schemaVersion = version
        return file
    }

    func residents(_ file: AllianceFile) -> [String: Int?] {
        Dictionary(uniqueKeysWithValues: file.tables.population.rows.map { ($0.group, $0.counts[0]) })
    }

    @Test func citiesAddUpAndAWithheldCityCellStaysWithheld() throws {
        let a = city("221309", population: ["BR": 40, "VN": 12, "PE": 3])
        #expect(residents(a) == ["BR": 40, "VN": nil, "PE": nil], "PE is small, VN goes with it")
        let b = city("232114", population: ["BR": 30, "VN": 20, "PE": 9, "NP": 6])
        let merged = try AllianceMerger.merge([("a.json", a), ("b.json", b)], minimum: Self.minimum, generatedAt: "now")
        #expect(merged.municipalities == ["221309", "232114"])
        #expect(merged.municipalityCode == nil)
        #expect(residents(merged) == ["BR": 70, "VN": nil, "PE": nil, "NP": 6])
        #expect(merged.tables.population.total == [120])
    }

    @Test func mergedTablesAreSuppressedAgain() throws {
        let a = city("221309", population: ["BR": 40, "NP": 0, "VN": 20])
        let b = city("232114", population: ["BR": 30, "NP": 0, "VN": 25, "KH": 0])
        var c = city("222038", population: ["BR": 50, "VN": 30])
        c.tables.population.rows.append(CountTable.Row(group: "KH", counts: [3]))
        let merged = try AllianceMerger.merge([("a.json", a), ("b.json", b), ("c.json", c)], minimum: Self.minimum, generatedAt: "now")
        #expect(residents(merged)["KH"] == .some(nil), "3 people in all is still small")
        #expect(residents(merged)["VN"] == .some(nil), "and the smallest other group goes with it")
        #expect(residents(merged)["BR"] == 120)
    }

    @Test func refusesWhatCannotBeAddedUp() {
        let a = city("221309", population: ["BR": 40])
        func refusal(_ files: [(name: String, file: AllianceFile)]) -> String {
            do {
                _ = try AllianceMerger.merge(files, minimum: Self.minimum, generatedAt: "now")
                return ""
            } catch { return "\(error)" }
        }
        #expect(refusal([("a.json", a), ("again.json", a)]) == "a.json and again.json are both from city 221309; send each city once.")
        #expect(refusal([("a.json", a), ("q.json", city("232114", period: "2026-Q4", population: [:]))])
                == "a.json is for FY2026 but q.json is for 2026-Q4; merge files of one period.")
        #expect(refusal([("a.json", a), ("v3.json", city("232114", population: [:], version: 3))])
                == "v3.json has schema version 3 but this Kyosei merges version 2.")
        #expect(refusal([]) == "No files were given to merge.")
    }

    @Test func theFileIsVersionedJSONWithNullsForWithheldFigures() throws {
        let a = city("221309", population: ["BR": 40, "PE": 3, "VN": 12])
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(a)) as? [String: Any] ?? [:]
        #expect(json["schema_version"] as? Int == 2)
        #expect(json["municipality_code"] as? String == "221309")
        let population = (json["tables"] as? [String: Any])?["population"] as? [String: Any] ?? [:]
        #expect(population["row_header"] as? String == "nationality")
        let rows = population["rows"] as? [[String: Any]] ?? []
        #expect((rows.first { $0["group"] as? String == "PE" }?["counts"] as? [Any])?.first is NSNull)
        #expect(try JSONDecoder().decode(AllianceFile.self, from: JSONEncoder().encode(a)) == a)
    }
}
