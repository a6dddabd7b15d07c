import KyoseiDomain
import PropertyBased
import Testing

private func d(_ text: String) -> LocalDate { try! LocalDate(text) }

@Suite struct DatedScheduleTests {
    /// Each built-in step: the day before it the previous value holds, on its first day its own.
    private func checkSteps<V>(_ schedule: DatedSchedule<V>) {
        for (earlier, later) in zip(schedule.steps, schedule.steps.dropFirst()) {
            let first = later.effectiveFrom!
            #expect(schedule.value(on: first.adding(days: -1)) == earlier.value, "\(schedule.name) before \(first)")
            #expect(schedule.value(on: first) == later.value, "\(schedule.name) on \(first)")
            #expect(earlier.effectiveUntil == first.adding(days: -1), "\(schedule.name): no gap before \(first)")
        }
    }

    @Test func everyBuiltInStepChangesOnItsFirstDayAndNotBefore() {
        checkSteps(InsuranceThresholds.employmentInsuranceWeeklyHours)
        checkSteps(InsuranceThresholds.employmentInsuranceExpectedDays)
        checkSteps(InsuranceThresholds.shortTimeWeeklyHours)
        checkSteps(InsuranceThresholds.employerSizeThreshold)
        checkSteps(InsuranceThresholds.shortTimeMonthlyWage)
    }

    @Test func theKnownStepsAreThere() {
        let hours = InsuranceThresholds.employmentInsuranceWeeklyHours
        #expect(hours.value(on: d("2028-09-30")) == 20)
        #expect(hours.value(on: d("2028-10-01")) == 10)
        let size = InsuranceThresholds.employerSizeThreshold
        let expected: [(String, Int?)] = [
            ("2016-10-01", 501), ("2022-10-01", 101), ("2024-10-01", 51), ("2027-10-01", 36), ("2029-10-01", 21),
            ("2032-10-01", 11), ("2035-10-01", nil),
        ]
        #expect(size.changeDates == expected.map { d($0.0) })
        for (day, value) in expected { #expect(size.step(on: d(day))?.value == value, "size on \(day)") }
        #expect(size.step(on: d("2016-09-30")) == nil)
        #expect(size.steps.filter(\.forCityReview).count == 5)
    }

    @Test func atMostOneStepHoldsOnAnyDay() async {
        await propertyCheck(input: Gen.int(in: 10_000...30_000)) { n in
            let day = LocalDate(dayNumber: n)
            let holding = InsuranceThresholds.employerSizeThreshold.steps.filter { $0.holds(on: day) }
            #expect(holding.count <= 1)
            #expect(InsuranceThresholds.employmentInsuranceWeeklyHours.steps.filter { $0.holds(on: day) }.count == 1)
        }
    }

    @Test func overlappingOrBackwardStepsAreRefused() throws {
        #expect(throws: ValidationError.self) {
            try DatedSchedule("x", [Dated(1, from: nil, until: d("2028-10-01"), source: "s"), Dated(2, from: d("2028-10-01"), source: "s")])
        }
        #expect(throws: ValidationError.self) {
            try DatedSchedule("x", [Dated(1, from: nil, source: "s"), Dated(2, from: d("2028-10-01"), source: "s")])
        }
        #expect(throws: ValidationError.self) { try Dated(1, from: d("2028-10-01"), until: d("2028-09-30"), source: "s") }
        #expect(throws: ValidationError.self) { try Dated(1, from: nil, source: "") }
        let ok = try DatedSchedule("x", [Dated(2, from: d("2028-10-01"), source: "b"), Dated(1, from: nil, until: d("2028-09-30"), source: "a")])
        #expect(ok.steps.map(\.value) == [1, 2])
    }

    @Test func everyBuiltInStepNamesItsSource() {
        let law = LegalThresholds.enacted
        let sources = law.employmentInsuranceWeeklyHours.steps.map(\.source) + law.employmentInsuranceExpectedDays.steps.map(\.source)
            + law.shortTimeWeeklyHours.steps.map(\.source) + law.employerSize.steps.map(\.source)
            + law.shortTimeMonthlyWage.steps.map(\.source) + law.workPermissionWeeklyHours.steps.map(\.source)
            + law.longVacationDailyHours.steps.map(\.source) + law.permanentResidenceRevocation.steps.map(\.source)
        #expect(sources.count >= 15)
        #expect(sources.allSatisfy { !$0.isEmpty })
        #expect(law.employerSize.steps.contains { $0.value == nil && $0.effectiveFrom == d("2035-10-01") })
    }
}

@Suite struct LegalAgeTests {
    @Test func oneReachesAnAgeTheDayBeforeTheBirthday() {
        let born = d("2006-04-15")
        #expect(born.legalAge(on: d("2026-04-13")) == 19)
        #expect(born.legalAge(on: d("2026-04-14")) == 20)
        #expect(born.age(on: d("2026-04-14")) == 19, "the everyday count is unchanged")
        #expect(born.dayReaching(age: 20) == d("2026-04-14"))
    }

    @Test func aLeapDayChildReachesEachAgeOnTheTwentyEighthOfFebruary() {
        let born = d("2004-02-29")
        #expect(born.dayReaching(age: 20) == d("2024-02-28"))
        #expect(born.dayReaching(age: 21) == d("2025-02-28"))
        #expect(born.legalAge(on: d("2025-02-27")) == 20)
        #expect(born.legalAge(on: d("2025-02-28")) == 21)
    }

    @Test func theDayReachingAnAgeIsTheFirstDayOfThatLegalAge() async {
        await propertyCheck(input: Gen.int(in: -10_000...25_000), Gen.int(in: 1...100)) { n, years in
            let born = LocalDate(dayNumber: n)
            let day = born.dayReaching(age: years)
            #expect(born.legalAge(on: day) == years)
            #expect(born.legalAge(on: day.adding(days: -1)) == years - 1)
            #expect(born.legalAge(on: day) == born.age(on: day.adding(days: 1)))
        }
    }
}

@Suite struct AgeRuleTests {
    @Test func nationalPensionStartsTheDayBeforeTheTwentiethBirthday() {
        let born = d("2006-04-15"), np = AgeRule.nationalPension
        #expect(!np.holds(birthDate: born, on: d("2026-04-13")))
        #expect(np.holds(birthDate: born, on: d("2026-04-14")))
        #expect(np.firstDay(birthDate: born) == d("2026-04-14"))
    }

    @Test func nationalPensionEndsTheDayBeforeTheSixtiethBirthdayIsReached() {
        let born = d("1966-04-15"), np = AgeRule.nationalPension
        #expect(np.lastDay(birthDate: born) == d("2026-04-13"))
        #expect(np.holds(birthDate: born, on: d("2026-04-13")))
        #expect(!np.holds(birthDate: born, on: d("2026-04-14")))
    }

    @Test func pensionBoundsForAnyBirthday() async {
        await propertyCheck(input: Gen.int(in: -15_000...20_000)) { n in
            let born = LocalDate(dayNumber: n), np = AgeRule.nationalPension
            let twentieth = born.adding(years: 20)
            #expect(!np.holds(birthDate: born, on: np.firstDay(birthDate: born).adding(days: -1)))
            #expect(np.holds(birthDate: born, on: np.firstDay(birthDate: born)))
            #expect(np.firstDay(birthDate: born) < twentieth || (born.month == 2 && born.day == 29))
            #expect(np.holds(birthDate: born, on: np.lastDay(birthDate: born)!))
            #expect(!np.holds(birthDate: born, on: np.lastDay(birthDate: born)!.adding(days: 1)))
        }
    }

    @Test func employeesPensionHasNoLowerAgeAndEndsWhenSeventyIsReached() {
        let epi = AgeRule.employeesPension
        #expect(epi.holds(birthDate: d("2010-06-01"), on: d("2026-06-01")), "a 16-year-old employee")
        #expect(epi.holds(birthDate: d("1960-06-01"), on: d("2026-06-01")), "a 66-year-old employee")
        #expect(epi.holds(birthDate: d("1956-06-01"), on: d("2026-05-30")))
        #expect(!epi.holds(birthDate: d("1956-06-01"), on: d("2026-05-31")), "reaches 70 the day before the birthday")
    }

    @Test func lateElderlyCareStartsOnTheSeventyFifthBirthdayItself() {
        let born = d("1951-06-01")
        #expect(!AgeRule.lateElderly.holds(birthDate: born, on: d("2026-05-31")))
        #expect(AgeRule.lateElderly.holds(birthDate: born, on: d("2026-06-01")))
        #expect(AgeRule.employeesHealth.holds(birthDate: born, on: d("2026-05-31")))
        #expect(!AgeRule.employeesHealth.holds(birthDate: born, on: d("2026-06-01")))
        #expect(AgeRule.lateElderly.forCityReview)
    }

    @Test func badRulesAreRefused() {
        #expect(throws: ValidationError.self) { try AgeRule(fromAge: 60, untilAge: 20, source: "s") }
        #expect(throws: ValidationError.self) { try AgeRule(fromAge: -1, untilAge: 20, source: "s") }
    }
}
