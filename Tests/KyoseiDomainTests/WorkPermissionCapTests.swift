import KyoseiDomain
import PropertyBased
import Testing

private func d(_ text: String) -> LocalDate { try! LocalDate(text) }

@Suite struct WorkPermissionCapTests {
    private func job(_ employer: String, _ hours: Double, from: String = "2026-04-01", until: String? = nil, daily: Double? = nil) -> ConcurrentJob {
        try! ConcurrentJob(employer: employer, from: d(from), until: until.map(d), weeklyHours: hours, dailyHours: daily)
    }

    private func check(_ jobs: [ConcurrentJob], _ status: StatusOfResidence = .student, permission: Bool = true,
                       on day: String = "2026-07-01", vacation: Bool = false) -> WorkPermissionCheck {
        WorkPermissionCap.check(status: status, permission: permission, jobs: jobs, on: d(day), inLongVacation: vacation)
    }

    @Test func twentyEightHoursAreATotalOverTwoJobs() {
        #expect(check([job("A", 14), job("B", 14)]).outcome == .withinCap)
        let over = check([job("A", 14), job("B", 14.5)])
        #expect(over.outcome == .exceedsCap && over.isBreach)
        #expect(over.totalWeeklyHours == 28.5)
        #expect(over.reason.contains("28.5") && over.reason.contains("2 jobs"))
        #expect(check([job("A", 20), job("B", 20)], .dependent).outcome == .exceedsCap, "each job alone is within 28")
    }

    /// The cap is a dated setting: a city's corrected step decides from its first day.
    @Test func aConfiguredCapDecidesFromItsDay() throws {
        let cap = try DatedSchedule<Double>("work.permission_weekly_hours", [
            Dated(28, from: nil, until: d("2027-12-31"), source: "ICRRA art. 19(2)"),
            Dated(30, from: d("2028-01-01"), source: "a city's reading"),
        ])
        let law = LegalThresholds(workPermissionWeeklyHours: cap)
        let jobs = [job("A", 15, from: "2026-01-01"), job("B", 14, from: "2026-01-01")]
        let before = WorkPermissionCap.check(status: .student, permission: true, jobs: jobs, on: d("2027-12-31"), law: law)
        let on = WorkPermissionCap.check(status: .student, permission: true, jobs: jobs, on: d("2028-01-01"), law: law)
        #expect(before.outcome == .exceedsCap && before.reason.contains("At most 28 hours"))
        #expect(on.outcome == .withinCap && on.reason.contains("within 30"))
    }

    @Test func onlyJobsHeldOnTheDayCount() {
        let ended = job("A", 20, from: "2026-04-01", until: "2026-06-30")
        #expect(check([ended, job("B", 20, from: "2026-06-01")], on: "2026-06-30").outcome == .exceedsCap)
        #expect(check([ended, job("B", 20, from: "2026-06-01")], on: "2026-07-01").outcome == .withinCap)
        #expect(check([ended, job("B", 20, from: "2026-07-02")], on: "2026-07-01").outcome == .withinCap)
    }

    @Test func withoutPermissionNoWorkAtAll() {
        #expect(check([job("A", 5)], permission: false).outcome == .noPermission)
        #expect(check([], permission: false).outcome == .withinCap)
    }

    @Test func otherStatusesAreNotCapped() {
        #expect(check([job("A", 40), job("B", 10)], .permanent).outcome == .notCapped)
        #expect(check([job("A", 40)], .engineerHumanities).outcome == .notCapped)
        #expect(check([job("A", 40)], .designated).outcome == .review)
    }

    @Test func eightHoursADayInAStudentsLongVacation() {
        #expect(check([job("A", 40, daily: 4), job("B", 20, daily: 4)], vacation: true).outcome == .withinCap)
        #expect(check([job("A", 40, daily: 5), job("B", 20, daily: 4)], vacation: true).outcome == .exceedsCap)
        #expect(check([job("A", 40, daily: 5), job("B", 20)], vacation: true).outcome == .cannotCheck)
        #expect(check([job("A", 20, daily: 4), job("B", 20, daily: 4)], .dependent, vacation: true).outcome == .exceedsCap,
                "the vacation rule is the Student's only")
    }

    @Test func theTotalIsTheSumAndTheCapIsInclusive() async {
        await propertyCheck(input: Gen.int(in: 0...80).array(of: 1...4)) { quarterHours in
            let jobs = quarterHours.enumerated().map { job("E\($0.offset)", Double($0.element) / 4) }
            let total = Double(quarterHours.reduce(0, +)) / 4
            let result = check(jobs)
            #expect(result.totalWeeklyHours == total)
            #expect((result.outcome == .exceedsCap) == (total > 28))
        }
    }

    @Test func impossibleJobsAreRefused() {
        #expect(throws: ValidationError.self) { try ConcurrentJob(employer: "A", from: d("2026-07-01"), until: d("2026-06-30"), weeklyHours: 10) }
        #expect(throws: ValidationError.self) { try ConcurrentJob(employer: "A", from: d("2026-07-01"), until: nil, weeklyHours: -1) }
        #expect(throws: ValidationError.self) { try ConcurrentJob(employer: "A", from: d("2026-07-01"), until: nil, weeklyHours: 10, dailyHours: 25) }
    }
}
