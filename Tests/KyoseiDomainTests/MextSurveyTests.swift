import KyoseiDomain
import PropertyBased
import Testing

@Suite struct MextSurveyTests {
    typealias Row = SchoolStanding.TermRow

    @Test(arguments: [
        (RegisterState.registered, [Row(schoolType: .publicElementary, enrolled: true)], nil as HomeVisitOutcome?, MextSurveyPlacement.counted(.compulsorySchool)),
        (.registered, [Row(schoolType: .privateCompulsory, enrolled: true)], nil, .counted(.compulsorySchool)),
        (.registered, [Row(schoolType: .internationalSchool, enrolled: true)], nil, .counted(.foreignSchool)),
        (.registered, [], .foreignSchool, .counted(.foreignSchool)),
        (.registered, [], .notEnrolled, .counted(.notEnrolled)),
        (.registered, [], .departing, .counted(.departingOrMoving)),
        (.abroad, [], nil, .counted(.departingOrMoving)),
        (.registered, [], .couldNotConfirm, .counted(.couldNotConfirm)),
        (.registered, [Row(schoolType: .publicElementary, enrolled: false)], nil, .difference),
        (.registered, [], nil, .difference),
        (.movedOut, [Row(schoolType: .publicElementary, enrolled: true)], .departing, .outsideSurvey),
        (.leftRegister, [], nil, .outsideSurvey),
        (.unregisteredServed, [], .notEnrolled, .outsideSurvey),
    ])
    func eachChildHasOnePlacement(state: RegisterState, rows: [Row], visit: HomeVisitOutcome?, expected: MextSurveyPlacement) {
        #expect(MextSurveyPlacement.of(registerState: state, latestTermRows: rows, visit: visit) == expected)
    }

    @Test func classesAreNumberedAsTheSurveyNumbersThem() throws {
        #expect(MextSurveyClass.allCases.map(\.number) == [1, 2, 3, 4, 5])
        for c in MextSurveyClass.allCases { #expect(c.definition.hasPrefix("\(c.number). ")) }
        #expect(HomeVisitOutcome.departing.mextClass == .departed)
        #expect(HomeVisitOutcome.couldNotConfirm.mextClass == .couldNotConfirm, "class 5, not the difference")
        #expect(try HomeVisitOutcome(option: "could-not-confirm") == .couldNotConfirm)
    }

    @Test func theDifferenceIsTheRegisterLessEveryClass() {
        let tally = MextSurveyTally([
            .counted(.compulsorySchool), .counted(.compulsorySchool), .counted(.couldNotConfirm), .difference, .outsideSurvey,
            .counted(.departingOrMoving),
        ])
        #expect(tally.headCount == 5)
        #expect(tally[.compulsorySchool] == 2 && tally[.couldNotConfirm] == 1 && tally[.notEnrolled] == 0)
        #expect(tally.difference == 1)
    }

    @Test func theDifferenceCountsExactlyTheChildrenNothingIsKnownOf() async {
        let placements: [MextSurveyPlacement] = [.difference, .outsideSurvey] + MextSurveyClass.allCases.map { .counted($0) }
        await propertyCheck(input: Gen.int(in: 0..<placements.count).array(of: 0...40)) { picks in
            let chosen = picks.map { placements[$0] }
            let tally = MextSurveyTally(chosen)
            #expect(tally.difference == chosen.filter { $0 == .difference }.count)
            #expect(tally.headCount == chosen.filter { $0 != .outsideSurvey }.count)
        }
    }
}
