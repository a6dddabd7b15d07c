import KyoseiDomain
import PropertyBased
import Testing

private func d(_ text: String) -> LocalDate { try! LocalDate(text) }

@Suite struct EmploymentInsuranceApplicabilityTests {
    private func ei(_ hours: Double, _ day: String, contract: ContractPeriod? = nil, student: StudentStanding = .notStudent,
                    designation: Designation? = nil) -> Applicability.Outcome {
        EmploymentInsuranceApplicability.evaluate(weeklyHours: hours, on: d(day), contract: contract, student: student,
                                                  designation: designation).outcome
    }

    @Test func twentyHoursUntilTheLastDayOfSeptember2028() {
        #expect(ei(19.5, "2028-09-30") == .doesNotApply)
        #expect(ei(20, "2028-09-30") == .applies)
        #expect(ei(9.5, "2028-09-30") == .doesNotApply)
        #expect(ei(10, "2028-09-30") == .doesNotApply)
    }

    @Test func tenHoursFromTheFirstOfOctober2028() {
        #expect(ei(19.5, "2028-10-01") == .applies)
        #expect(ei(20, "2028-10-01") == .applies)
        #expect(ei(9.5, "2028-10-01") == .doesNotApply)
        #expect(ei(10, "2028-10-01") == .applies)
    }

    @Test func theThresholdInForceDecidesForAnyDayAndHours() async {
        let change = d("2028-10-01").dayNumber
        await propertyCheck(input: Gen.int(in: (change - 2000)...(change + 2000)), Gen.int(in: 0...160)) { n, quarters in
            let hours = Double(quarters) / 4, day = LocalDate(dayNumber: n)
            let threshold: Double = n < change ? 20 : 10
            let result = EmploymentInsuranceApplicability.evaluate(weeklyHours: hours, on: day, contract: nil, student: .notStudent, designation: nil)
            #expect(result.applies == (hours >= threshold), "\(hours) hours on \(day)")
        }
    }

    @Test func fullTimeStudentsAndWorkingHolidayMakersAreOutside() {
        #expect(ei(25, "2026-07-01", student: .fullTime) == .doesNotApply)
        #expect(ei(25, "2026-07-01", student: .otherStudent) == .applies)
        #expect(ei(25, "2026-07-01", designation: .workingHoliday) == .doesNotApply)
        #expect(ei(25, "2026-07-01", designation: .other) == .applies)
        #expect(StudentStanding.presumed(for: .student) == .fullTime)
        #expect(StudentStanding.presumed(for: .dependent) == .notStudent)
    }

    @Test func theThirtyOneDayExpectationFromTheContract() throws {
        let start = d("2026-07-01")
        let thirty = try ContractPeriod(start: start, end: d("2026-07-30"), renewable: false)
        let thirtyOne = try ContractPeriod(start: start, end: d("2026-07-31"), renewable: false)
        #expect(thirty.days == 30 && thirtyOne.days == 31)
        #expect(ei(40, "2026-07-01", contract: thirty) == .doesNotApply)
        #expect(ei(40, "2026-07-01", contract: thirtyOne) == .applies)
        #expect(ei(40, "2026-07-01", contract: try ContractPeriod(start: start, end: d("2026-07-30"), renewable: true)) == .applies)
        #expect(ei(40, "2026-07-01", contract: try ContractPeriod(start: start, end: nil, renewable: false)) == .applies)
        #expect(throws: ValidationError.self) { try ContractPeriod(start: start, end: d("2026-06-30"), renewable: false) }
    }

    @Test func reasonsNameTheThresholdAndItsSource() {
        let r = EmploymentInsuranceApplicability.evaluate(weeklyHours: 19.5, on: d("2028-09-30"), contract: nil, student: .notStudent, designation: nil)
        #expect(r.reason.contains("19.5") && r.reason.contains("20"))
        #expect(r.sources.contains { $0.contains("Employment Insurance Act art. 6(i)") })
    }
}

@Suite struct EmployerInsuranceApplicabilityTests {
    private func worker(hours: Double, headcount: Int?, born: String = "1990-05-05", wage: Int? = nil, student: StudentStanding = .notStudent,
                        dispatched: Bool = false, contract: ContractPeriod? = nil) -> EmployeeInsuranceFacts {
        EmployeeInsuranceFacts(birthDate: d(born), weeklyHours: hours, employerInsuredHeadcount: headcount, monthlyWage: wage,
                               contract: contract, student: student, dispatched: dispatched)
    }

    private func outcome(_ scheme: InsuranceScheme, _ f: EmployeeInsuranceFacts, _ day: String) -> Applicability.Outcome {
        EmployerInsuranceApplicability.evaluate(scheme, f, on: d(day)).outcome
    }

    /// Insured workers seen on the rosters are a floor under the headcount: enough of them show
    /// the employer is large enough; too few decide nothing; a recorded headcount wins.
    @Test func workersSeenOnTheRostersAreAFloorUnderTheHeadcount() {
        var f = worker(hours: 25, headcount: nil, wage: 100_000)
        f.employerInsuredSeen = 51
        #expect(outcome(.epi, f, "2026-07-01") == .applies)
        f.employerInsuredSeen = 50
        #expect(outcome(.epi, f, "2026-07-01") == .undetermined)
        #expect(EmployerInsuranceApplicability.evaluate(.epi, f, on: d("2026-07-01")).reason.contains("50 seen on the pension rosters"))
        f.employerInsuredSeen = 60
        f.employerInsuredHeadcount = 40
        #expect(outcome(.epi, f, "2026-07-01") == .doesNotApply, "staff's recorded headcount is the employer's own figure")
        #expect(outcome(.epi, worker(hours: 25, headcount: nil, wage: 100_000), "2026-07-01") == .undetermined)
    }

    @Test func aFullTimeDispatchedWorkerIsInsuredWhateverTheAgencySize() {
        let f = worker(hours: 30, headcount: 3, dispatched: true)
        let r = EmployerInsuranceApplicability.evaluate(.ehi, f, on: d("2026-07-01"))
        #expect(r.outcome == .applies)
        #expect(r.reason.contains("dispatching agency"))
        #expect(outcome(.epi, f, "2026-07-01") == .applies)
        #expect(outcome(.epi, worker(hours: 30, headcount: nil), "2026-07-01") == .applies)
    }

    /// Each size step: the day before, a short-time worker at an employer of exactly the new
    /// size is outside; on the day, inside.
    @Test(arguments: [("2024-10-01", 51), ("2027-10-01", 36), ("2029-10-01", 21), ("2032-10-01", 11)])
    func eachSizeStepTheDayBeforeAndOnTheDay(step: String, size: Int) {
        let f = worker(hours: 25, headcount: size)
        let first = d(step)
        #expect(EmployerInsuranceApplicability.evaluate(.epi, f, on: first.adding(days: -1)).outcome == .doesNotApply)
        #expect(EmployerInsuranceApplicability.evaluate(.epi, f, on: first).outcome == .applies)
        #expect(outcome(.ehi, worker(hours: 25, headcount: size - 1), step) == .doesNotApply)
    }

    /// A city's corrected schedule decides instead of the built-in one.
    @Test func aConfiguredSizeScheduleDecides() throws {
        let city = try DatedSchedule<Int?>("insurance.employer_size", [Dated(.some(30), from: d("2024-10-01"), source: "a city's review")])
        let f = worker(hours: 25, headcount: 40)
        #expect(EmployerInsuranceApplicability.evaluate(.epi, f, on: d("2026-07-01")).outcome == .doesNotApply)
        #expect(EmployerInsuranceApplicability.evaluate(.epi, f, on: d("2026-07-01"), law: LegalThresholds(employerSize: city)).outcome == .applies)
        let low = worker(hours: 25, headcount: 500, wage: 80_000)
        let noWageThreshold = try DatedSchedule<Int?>("insurance.short_time_monthly_wage", [Dated(nil, from: d("2026-01-01"), source: "Cabinet Order")])
        #expect(EmployerInsuranceApplicability.evaluate(.ehi, low, on: d("2026-07-01")).outcome == .doesNotApply)
        #expect(EmployerInsuranceApplicability.evaluate(.ehi, low, on: d("2026-07-01"), law: LegalThresholds(shortTimeMonthlyWage: noWageThreshold)).outcome == .applies)
    }

    @Test func theSizeThresholdIsGoneFromOctober2035() {
        #expect(outcome(.ehi, worker(hours: 20, headcount: 1), "2035-09-30") == .doesNotApply)
        #expect(outcome(.ehi, worker(hours: 20, headcount: 1), "2035-10-01") == .applies)
        #expect(outcome(.ehi, worker(hours: 20, headcount: nil), "2035-09-30") == .undetermined)
        #expect(outcome(.ehi, worker(hours: 20, headcount: nil), "2035-10-01") == .applies)
    }

    @Test func shortTimeNeedsTwentyHoursAndNoFullTimeStudy() {
        #expect(outcome(.ehi, worker(hours: 19.5, headcount: 500), "2026-07-01") == .doesNotApply)
        #expect(outcome(.ehi, worker(hours: 20, headcount: 500), "2026-07-01") == .applies)
        #expect(outcome(.ehi, worker(hours: 25, headcount: 500, student: .fullTime), "2026-07-01") == .doesNotApply)
        #expect(outcome(.ehi, worker(hours: 25, headcount: 500, student: .otherStudent), "2026-07-01") == .applies)
        #expect(outcome(.ehi, worker(hours: 35, headcount: 500, student: .fullTime), "2026-07-01") == .applies, "a full-timer is insured")
        #expect(outcome(.ehi, worker(hours: 25, headcount: 500), "2016-09-30") == .doesNotApply)
    }

    @Test func theWageThresholdWhileItLasts() {
        #expect(outcome(.ehi, worker(hours: 20, headcount: 500, wage: 87_999), "2026-07-01") == .doesNotApply)
        #expect(outcome(.ehi, worker(hours: 20, headcount: 500, wage: 88_000), "2026-07-01") == .applies)
        let unknown = EmployerInsuranceApplicability.evaluate(.ehi, worker(hours: 20, headcount: 500), on: d("2026-07-01"))
        #expect(unknown.outcome == .applies && unknown.forCityReview && unknown.reason.contains("Assumed"))
    }

    @Test func aContractOfTwoMonthsOrLessWithoutRenewalIsOutside() throws {
        let short = try ContractPeriod(start: d("2026-07-01"), end: d("2026-08-31"), renewable: false)
        let longer = try ContractPeriod(start: d("2026-07-01"), end: d("2026-09-01"), renewable: false)
        #expect(outcome(.ehi, worker(hours: 40, headcount: 500, contract: short), "2026-07-01") == .doesNotApply)
        #expect(outcome(.ehi, worker(hours: 40, headcount: 500, contract: longer), "2026-07-01") == .applies)
    }

    @Test func employeesPensionForEmployeesUnderTwentyAndSixtyToSixtyNine() {
        #expect(outcome(.epi, worker(hours: 40, headcount: 100, born: "2009-08-01"), "2026-07-01") == .applies, "aged 16")
        #expect(outcome(.epi, worker(hours: 40, headcount: 100, born: "1960-08-01"), "2026-07-01") == .applies, "aged 65")
        #expect(outcome(.epi, worker(hours: 40, headcount: 100, born: "1956-07-02"), "2026-07-01") == .doesNotApply, "reaches 70 on 07-01")
        #expect(outcome(.epi, worker(hours: 40, headcount: 100, born: "1956-07-03"), "2026-07-01") == .applies)
        #expect(outcome(.ehi, worker(hours: 40, headcount: 100, born: "1956-07-02"), "2026-07-01") == .applies, "EHI runs to 75")
    }
}
