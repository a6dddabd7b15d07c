import KyoseiDomain
import PropertyBased
import Testing

@Suite struct LocalDateTests {
    @Test func refusesDatesThatDoNotExist() {
        for bad in ["2023-02-29", "2023-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-01", "20260101", "2026-01-01T00:00"] {
            #expect(throws: ValidationError.self) { try LocalDate(bad) }
        }
    }

    @Test func acceptsLeapDays() throws {
        #expect(try LocalDate("2024-02-29").day == 29)
        #expect(try LocalDate("2000-02-29").day == 29)
        #expect(throws: ValidationError.self) { try LocalDate("1900-02-29") }
    }

    @Test func dayNumbersRoundTrip() async {
        await propertyCheck(input: Gen.int(in: -200_000...200_000)) { n in
            let date = LocalDate(dayNumber: n)
            #expect(date.dayNumber == n)
            #expect((try? LocalDate(date.description)) == date)
            #expect(date.adding(days: 1) > date)
        }
    }

    @Test func arithmetic() throws {
        #expect(try LocalDate("1970-01-01").dayNumber == 0)
        #expect(try LocalDate("2024-01-31").adding(months: 1) == LocalDate("2024-02-29"))
        #expect(try LocalDate("2026-12-31").adding(days: 1) == LocalDate("2027-01-01"))
        #expect(try LocalDate("2010-04-02").age(on: LocalDate("2026-04-01")) == 15)
        #expect(try LocalDate("2010-04-02").age(on: LocalDate("2026-04-02")) == 16)
        #expect(try LocalDate("2026-02-10").lastDayOfMonth == LocalDate("2026-02-28"))
    }

    @Test func periodsOfStay() throws {
        #expect(try PeriodOfStay("P5Y") == .duration(years: 5, months: 0, days: 0))
        #expect(try PeriodOfStay("P1Y6M").description == "P1Y6M")
        #expect(try PeriodOfStay("INDEFINITE") == .indefinite)
        for bad in ["5Y", "P", "P6M1Y", "P1W", "PXY", "indefinite"] {
            #expect(throws: ValidationError.self) { try PeriodOfStay(bad) }
        }
    }
}
