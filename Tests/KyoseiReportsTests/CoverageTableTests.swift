import KyoseiReports
import PropertyBased
import Testing

@Suite struct CoverageTableTests {
    static let minimum = 5

    func table(_ groups: [String: [CoverageObligationKey: CoverageCounts]]) -> ReportTable {
        CoverageTable.build(title: "t", groupedBy: "nationality", groups: groups, obligations: [.health, .pension], minimum: Self.minimum)
    }

    @Test func smallCellsAreWithheldWithAPartner() {
        let t = table([
            "BR": [.health: CoverageCounts(obligated: 300, covered: 180), .pension: CoverageCounts(obligated: 200, covered: 60)],
            "VN": [.health: CoverageCounts(obligated: 150, covered: 90), .pension: CoverageCounts(obligated: 140, covered: 40)],
            "NP": [.health: CoverageCounts(obligated: 3, covered: 1), .pension: CoverageCounts(obligated: 40, covered: 20)],
        ])
        let np = t.rows.first { $0.label == "NP" }!
        #expect(np.cells[0] == .suppressed)
        #expect(np.cells[3] == .count(40))
        let vn = t.rows.first { $0.label == "VN" }!
        #expect(vn.cells[0] == .suppressed, "the smallest other group is withheld with NP, so NP cannot be worked out from the total")
        #expect(t.rows.first { $0.label == "BR" }!.cells[0] == .count(300))
        #expect(t.total.cells[0] == .count(453))
        #expect(t.total.cells[2] == .share(271.0 / 453.0))
    }

    @Test func aFewUncoveredPeopleAreAsSensitiveAsAFewPeople() {
        let t = table([
            "BR": [.health: CoverageCounts(obligated: 300, covered: 298)],
            "PE": [.health: CoverageCounts(obligated: 80, covered: 40)],
            "PH": [.health: CoverageCounts(obligated: 90, covered: 45)],
        ])
        #expect(t.rows.first { $0.label == "BR" }!.cells[1] == .suppressed)
    }

    /// The attacker: from what was published, work out every withheld cell by subtracting the
    /// published cells of its column from the published total. It must never get a unique answer.
    @Test func noWithheldCellCanBeRecomputedFromTheTotals() async {
        let counts = Gen.int(in: 0...40).array(of: 2...8)
        await propertyCheck(count: 300, input: counts, counts) { obligated, coveredSeeds in
            var groups: [String: [CoverageObligationKey: CoverageCounts]] = [:]
            for (i, n) in obligated.enumerated() {
                let c = min(n, coveredSeeds[i % coveredSeeds.count])
                groups["G\(i)"] = [.health: CoverageCounts(obligated: n, covered: c)]
            }
            let t = CoverageTable.build(title: "t", groupedBy: "g", groups: groups, obligations: [.health], minimum: Self.minimum)
            for column in 0..<2 {
                let hidden = t.rows.filter { $0.cells[column] == .suppressed }
                guard case .count = t.total.cells[column] else { continue }
                #expect(hidden.count != 1, "one withheld cell beside a published total can be recomputed")
            }
            for row in t.rows {
                if case .count(let n) = row.cells[0], n > 0 { #expect(n >= Self.minimum) }
                if case .count(let c) = row.cells[1], c > 0 { #expect(c >= Self.minimum) }
            }
        }
    }

    @Test func rendersCSVForExcelAndJSONWithNulls() throws {
        let t = table(["BR": [.health: CoverageCounts(obligated: 3, covered: 1)]])
        let csv = try ReportFormat.csv.render(t)
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let json = String(decoding: try ReportFormat.json.render(t), as: UTF8.self)
        #expect(json.contains("\"health obligated\": null"))
        #expect(!json.contains("\"health obligated\": 3"))
        let sjis = try ReportFormat.csv.render(table(["日本": [.health: CoverageCounts(obligated: 30, covered: 10)]]), shiftJIS: true)
        #expect(sjis.first != 0xEF)
        #expect(String(decoding: try ReportFormat.md.render(t), as: UTF8.self).contains("| BR | * | * | * |"))
    }
}
