import KyoseiReports
import Testing

@Suite struct SuppressionTests {
    let columns = [ReportColumn("n", .count(0), block: 0), ReportColumn("k", .count(1), block: 1)]

    @Test func aLoneSmallGroupWithNoOtherBesideItLeavesASmallTotalWithheld() {
        let counts = GroupedCounts(rowHeader: "g", measures: ["n", "k"], groups: ["A": [3, 20], "B": [0, 30]])
        let t = Suppression.table(title: "t", counts: counts, columns: columns, minimum: 5)
        #expect(t.rows[0].cells == [.suppressed, .count(20)])
        #expect(t.total.cells == [.suppressed, .count(50)])
    }

    @Test func blocksAreWithheldTogether() {
        let counts = GroupedCounts(rowHeader: "g", measures: ["all", "some"], groups: ["A": [40, 38], "B": [50, 20], "C": [60, 30]])
        let t = Suppression.table(
            title: "t", counts: counts,
            columns: [ReportColumn("all", .count(0), block: 0), ReportColumn("share", .share(1, of: 0), block: 0)], minimum: 5)
        #expect(t.rows[0].cells == [.suppressed, .suppressed], "two people not in `some` are as telling as two people")
        #expect(t.rows[1].cells == [.suppressed, .suppressed])
        #expect(t.rows[2].cells == [.count(60), .share(0.5)])
    }
}

@Suite struct ReportCSVTests {
    /// A group label is text from outside (an employer's name) and opens as text; the figures
    /// beside it stay numbers.
    @Test func labelsOpenAsTextAndFiguresStayNumbers() throws {
        let counts = GroupedCounts(rowHeader: "employer", measures: ["n"], groups: ["=1+2": [40], "@SUM(A1)": [30]])
        let table = Suppression.table(title: "t", counts: counts, columns: [ReportColumn("n", .count(0), block: 0)], minimum: 5)
        let text = String(decoding: try ReportFormat.csv.render(table).dropFirst(3), as: UTF8.self)
        #expect(text.contains("'=1+2,40\r\n") && text.contains("'@SUM(A1),30\r\n"))
        #expect(!text.contains("\n=") && !text.contains("\n@"))
    }
}

@Suite struct TellingShareTests {
    let columns = [ReportColumn("hires", .count(0), block: 0), ReportColumn("dispatched share", .share(1, of: 0), block: 1)]

    /// A is withheld only to protect B, yet "100% dispatched" beside it would say that every
    /// one of A's people is dispatched; 20% of C says nothing about any one of them.
    @Test func aShareOfAllOrNoneBesideAWithheldGroupIsWithheld() {
        let counts = GroupedCounts(rowHeader: "g", measures: ["hires", "dispatched"], groups: ["A": [6, 6], "B": [3, 1], "C": [50, 10], "D": [40, 0]])
        let t = Suppression.table(title: "t", counts: counts, columns: columns, minimum: 5)
        #expect(t.rows[0].cells == [.suppressed, .suppressed])
        #expect(t.rows[1].cells == [.suppressed, .suppressed])
        #expect(t.rows[2].cells == [.count(50), .share(0.2)])
        #expect(t.rows[3].cells == [.count(40), .share(0)], "none of a published group of 40 is no one's secret")
    }
}
