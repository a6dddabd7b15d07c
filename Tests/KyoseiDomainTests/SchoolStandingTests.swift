import KyoseiDomain
import Testing

@Suite struct SchoolStandingTests {
    typealias Row = SchoolStanding.TermRow

    @Test(arguments: [
        (SchoolStanding(departed: false, latestTermRows: [Row(schoolType: .publicJuniorHigh, enrolled: true)], confirmation: nil), MextClass.enrolledCompulsory),
        (SchoolStanding(departed: false, latestTermRows: [Row(schoolType: .internationalSchool, enrolled: true)], confirmation: nil), .foreignSchool),
        (SchoolStanding(departed: false, latestTermRows: [Row(schoolType: .publicElementary, enrolled: false)], confirmation: nil), .unconfirmed),
        (SchoolStanding(departed: false, latestTermRows: [], confirmation: nil), .unconfirmed),
        (SchoolStanding(departed: false, latestTermRows: [], confirmation: .notEnrolled), .notEnrolled),
        (SchoolStanding(departed: false, latestTermRows: [], confirmation: .departing), .departed),
        (SchoolStanding(departed: true, latestTermRows: [Row(schoolType: .publicElementary, enrolled: true)], confirmation: nil), .departed),
        (SchoolStanding(departed: false, latestTermRows: [Row(schoolType: .foreignSchool, enrolled: true),
                                                         Row(schoolType: .specialNeeds, enrolled: true)], confirmation: nil), .enrolledCompulsory),
    ])
    func eachStandingHasOneClass(standing: SchoolStanding, expected: MextClass) {
        #expect(standing.mextClass == expected)
    }

    @Test func theCommandLineSpellingOfAnOutcomeIsAccepted() throws {
        #expect(try HomeVisitOutcome(option: "not-enrolled") == .notEnrolled)
        #expect(throws: ValidationError.self) { try HomeVisitOutcome(option: "maybe") }
    }
}
