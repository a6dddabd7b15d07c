import KyoseiReports
import Testing

@Suite struct EmploymentTableTests {
    private func row(_ table: ReportTable, _ label: String) -> [ReportTable.Cell] {
        table.rows.first { $0.label == label }?.cells ?? []
    }

    @Test func sharesAndCountsWhenEveryCellIsLarge() {
        let table = EmploymentTable.build(
            title: "t", groupedBy: "nationality",
            groups: ["BR": EmploymentCounts(hires: 40, separations: 10, late: 10, insuredHires: 30, dispatchedHires: 20)], minimum: 5)
        #expect(row(table, "BR") == [.count(40), .count(10), .count(10), .share(0.2), .share(0.75), .share(0.5)])
        #expect(table.total.cells == row(table, "BR"))
    }

    @Test func smallCellsAreWithheldAndASecondOneWithThem() {
        let groups = [
            "BR": EmploymentCounts(hires: 50, separations: 20, late: 10, insuredHires: 40, dispatchedHires: 10),
            "VN": EmploymentCounts(hires: 30, separations: 8, late: 6, insuredHires: 20, dispatchedHires: 10),
            "PE": EmploymentCounts(hires: 3, separations: 0, late: 0, insuredHires: 3, dispatchedHires: 0),
        ]
        let table = EmploymentTable.build(title: "t", groupedBy: "nationality", groups: groups, minimum: 5)
        #expect(row(table, "PE")[0] == .suppressed)
        #expect(row(table, "PE")[4] == .suppressed)
        // Hires: PE alone would be total − BR − VN, so the smaller of the others goes too.
        #expect(row(table, "VN")[0] == .suppressed)
        #expect(row(table, "BR")[0] == .count(50))
        #expect(table.total.cells[0] == .count(83))
        // A remainder under the minimum gives the group away as surely as the count itself.
        let few = EmploymentTable.build(
            title: "t", groupedBy: "status",
            groups: ["X": EmploymentCounts(hires: 20, separations: 5, late: 0, insuredHires: 18, dispatchedHires: 0)], minimum: 5)
        #expect(row(few, "X")[4] == .suppressed)
        #expect(row(few, "X")[5] == .share(0))
        #expect(row(few, "X")[3] == .share(0))
    }

    @Test func zeroIsShownAndNoHiresLeavesSharesEmpty() {
        let table = EmploymentTable.build(
            title: "t", groupedBy: "status", groups: ["X": EmploymentCounts(hires: 0, separations: 12, late: 0)], minimum: 5)
        #expect(row(table, "X") == [.count(0), .count(12), .count(0), .share(0), .empty, .empty])
    }
}
