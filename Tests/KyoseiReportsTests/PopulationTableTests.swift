import KyoseiReports
import Testing

@Suite struct PopulationTableTests {
    @Test func countsAndSharesAgainstHandComputedFigures() {
        let t = PopulationTable.build(title: "t", groupedBy: "district", groups: ["A": 60, "B": 30, "C": 10], minimum: 5)
        #expect(t.columns == ["Residents", "Share"])
        #expect(t.rows.map(\.cells) == [[.count(60), .share(0.6)], [.count(30), .share(0.3)], [.count(10), .share(0.1)]])
        #expect(t.total.cells == [.count(100), .share(1)])
    }

    @Test func aSmallGroupIsWithheldWithTheSmallestOther() {
        let t = PopulationTable.build(title: "t", groupedBy: "nationality", groups: ["BR": 40, "VN": 10, "PE": 3, "NP": 0], minimum: 5)
        let cells = Dictionary(uniqueKeysWithValues: t.rows.map { ($0.label, $0.cells) })
        #expect(cells["PE"] == [.suppressed, .suppressed])
        #expect(cells["VN"] == [.suppressed, .suppressed], "PE alone would be the total less the others")
        #expect(cells["NP"] == [.count(0), .share(0)])
        #expect(cells["BR"] == [.count(40), .share(40.0 / 53.0)])
        #expect(t.total.cells[0] == .count(53))
    }
}
