import KyoseiDomain
import PropertyBased
import Testing

@Suite struct SchoolYearTests {
    @Test func theYearRunsFromAprilToMarch() throws {
        #expect(SchoolYear(containing: try LocalDate("2026-04-01")).startYear == 2026)
        #expect(SchoolYear(containing: try LocalDate("2026-03-31")).startYear == 2025)
        #expect(SchoolYear.term(of: try LocalDate("2026-08-15")) == nil)
        #expect(SchoolYear.term(of: try LocalDate("2027-01-10")) == .t3)
        #expect(SchoolYear(startYear: 2026).lastDay == (try LocalDate("2027-03-31")))
    }

    @Test func aChildBornOnApril1stIsInTheEarlierCohort() throws {
        let april1 = SchoolYear.entry(forBirthDate: try LocalDate("2019-04-01"))
        let april2 = SchoolYear.entry(forBirthDate: try LocalDate("2019-04-02"))
        #expect(april1.startYear == 2025)
        #expect(april2.startYear == 2026)
        #expect(SchoolYear.entry(forBirthDate: try LocalDate("2020-03-31")).startYear == 2026)
        #expect(SchoolYear.entry(forBirthDate: try LocalDate("2020-02-29")).startYear == 2026)
    }

    @Test func expectedGradesAndCompulsoryAge() throws {
        let year = SchoolYear(startYear: 2026)
        #expect(year.expectedGrade(forBirthDate: try LocalDate("2019-05-10")) == 1)
        #expect(year.expectedGrade(forBirthDate: try LocalDate("2011-04-02")) == 9)
        #expect(year.expectedGrade(forBirthDate: try LocalDate("2011-04-01")) == 10)
        #expect(year.isCompulsoryAge(birthDate: try LocalDate("2014-09-01")))
        #expect(!year.isCompulsoryAge(birthDate: try LocalDate("2020-06-01")))
    }

    @Test func cohortsAreAYearApartAndMonotonic() async {
        await propertyCheck(input: Gen.int(in: 0...20_000), Gen.int(in: 1...400)) { start, gap in
            let a = LocalDate(dayNumber: start)
            let b = a.adding(days: gap)
            let ea = SchoolYear.entry(forBirthDate: a).startYear
            let eb = SchoolYear.entry(forBirthDate: b).startYear
            #expect(eb >= ea)
            #expect(eb - ea <= 2)
            #expect(SchoolYear.entry(forBirthDate: a.adding(years: 1)).startYear == ea + 1 || a.month == 2 && a.day == 29)
        }
    }
}
