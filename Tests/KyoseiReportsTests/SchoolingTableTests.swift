import KyoseiDomain
import KyoseiReports
import Testing

@Suite struct SchoolingTableTests {
    func counts(_ head: Int, _ enrolled: Int, _ foreign: Int, _ unconfirmed: Int) -> SchoolingCounts {
        SchoolingCounts(headCount: head, classes: [.enrolledCompulsory: enrolled, .foreignSchool: foreign, .unconfirmed: unconfirmed])
    }

    @Test func smallCellsAreWithheldWithAPartnerAndTheDifferenceWithThem() {
        let t = SchoolingTable.build(title: "t", groupedBy: "nationality", groups: [
            "BR": [.elementary: counts(200, 150, 30, 20)],
            "VN": [.elementary: counts(100, 80, 10, 10)],
            "NP": [.elementary: counts(40, 30, 7, 3)],
        ], minimum: 5)
        let np = t.rows.first { $0.label == "NP" }!
        #expect(np.cells[0] == .count(40))
        #expect(np.cells[5] == .suppressed, "3 unconfirmed")
        #expect(np.cells[2] == .suppressed, "the row's smallest other class goes with it")
        #expect(np.cells[6] == .count(0), "nobody in the NP row was visited without a finding")
        #expect(np.cells[7] == .suppressed, "the difference is made of withheld counts")
        let unconfirmedColumn = t.rows.map { $0.cells[5] }
        #expect(unconfirmedColumn.filter { $0 == .suppressed }.count >= 2, "a column never has one withheld cell alone")
        #expect(t.rows.first { $0.label == "BR" }!.cells[1] == .count(150))
        #expect(t.total.cells[0] == .count(340))
        #expect(t.total.cells[7] == .count(33))
        #expect(t.columns.count == 16, "per level: the head-count, six classes and the difference")
    }

    /// MEXT counts as class 4 only the departing children still on the register, and its
    /// difference is the head-count less classes 1 to 5: children who already left the register
    /// are in neither (issue 19, MEXT as MEXT counts).
    @Test func departedAndTheDifferenceAreMEXTs() {
        let group = SchoolingCounts(
            headCount: 40,
            classes: [.enrolledCompulsory: 20, .foreignSchool: 5, .notEnrolled: 5, .unconfirmed: 5, .couldNotConfirm: 0, .departed: 12],
            departedInRegister: 5)
        let t = SchoolingTable.build(title: "t", groupedBy: "nationality", groups: ["BR": [.elementary: group]], minimum: 5)
        let row = t.rows[0]
        let departed = t.columns.firstIndex(of: "elementary DEPARTED")!
        let difference = t.columns.firstIndex(of: "elementary difference")!
        #expect(row.cells[departed] == .count(5), "the 7 already off the register are not MEXT's class 4")
        #expect(row.cells[difference] == .count(5), "40 less 20, 5, 5, 5 and 0: the unconfirmed, as MEXT's difference")
    }
}
