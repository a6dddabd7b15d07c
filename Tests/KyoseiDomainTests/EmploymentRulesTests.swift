import KyoseiDomain
import PropertyBased
import Testing

@Suite struct ReportingDeadlineTests {
    private func d(_ text: String) -> LocalDate { try! LocalDate(text) }

    @Test func insuredHireIsDueOnTheTenthOfTheNextMonth() {
        #expect(ReportingDeadline.forHire(on: d("2026-07-01"), insured: true) == d("2026-08-10"))
        #expect(ReportingDeadline.forHire(on: d("2026-07-31"), insured: true) == d("2026-08-10"))
        #expect(ReportingDeadline.forHire(on: d("2026-12-15"), insured: true) == d("2027-01-10"))
        #expect(ReportingDeadline.forHire(on: d("2027-01-31"), insured: true) == d("2027-02-10"))
    }

    @Test func uninsuredHireIsDueAtTheEndOfTheNextMonth() {
        #expect(ReportingDeadline.forHire(on: d("2026-07-31"), insured: false) == d("2026-08-31"))
        #expect(ReportingDeadline.forHire(on: d("2026-12-01"), insured: false) == d("2027-01-31"))
        #expect(ReportingDeadline.forHire(on: d("2028-01-31"), insured: false) == d("2028-02-29"))
        #expect(ReportingDeadline.forHire(on: d("2027-01-31"), insured: false) == d("2027-02-28"))
        #expect(ReportingDeadline.forHire(on: d("2100-01-15"), insured: false) == d("2100-02-28"))
        #expect(ReportingDeadline.forHire(on: d("2026-03-31"), insured: false) == d("2026-04-30"))
    }

    @Test func insuredSeparationIsDueTenDaysAfterAndTheTenthDayCounts() {
        #expect(ReportingDeadline.forSeparation(on: d("2026-09-30"), insured: true) == d("2026-10-10"))
        #expect(ReportingDeadline.forSeparation(on: d("2026-12-25"), insured: true) == d("2027-01-04"))
        #expect(ReportingDeadline.forSeparation(on: d("2028-02-20"), insured: true) == d("2028-03-01"))
        #expect(ReportingDeadline.forSeparation(on: d("2027-02-20"), insured: true) == d("2027-03-02"))
    }

    @Test func uninsuredSeparationIsDueAtTheEndOfTheNextMonth() {
        #expect(ReportingDeadline.forSeparation(on: d("2026-12-31"), insured: false) == d("2027-01-31"))
        #expect(ReportingDeadline.forSeparation(on: d("2028-01-01"), insured: false) == d("2028-02-29"))
    }

    @Test func deadlinesNeverFallBeforeTheEvent() async {
        await propertyCheck(input: Gen.int(in: 0...60_000), Gen.bool) { n, insured in
            let event = LocalDate(dayNumber: n)
            for deadline in [ReportingDeadline.forHire(on: event, insured: insured),
                             ReportingDeadline.forSeparation(on: event, insured: insured)] {
                #expect(deadline > event)
                #expect(event.days(until: deadline) <= 62)
            }
        }
    }
}

@Suite struct EmploymentChecksTests {
    private func d(_ text: String) -> LocalDate { try! LocalDate(text) }
    private let checks = EmploymentChecks(law: .enacted)

    private func hire(_ status: StatusOfResidence = .longTerm, reported: String = "2026-07-15", on event: String = "2026-07-01",
                      permission: Bool = false, hours: Double = 40, insured: Bool = true, expiry: String? = nil) -> EmploymentNotice {
        EmploymentNotice(isHire: true, reportDate: d(reported), eventDate: d(event), status: status,
                         otherActivityPermission: permission, weeklyHours: hours, employmentInsurance: insured,
                         stayExpiry: expiry.map(d))
    }

    private func kinds(_ notice: EmploymentNotice) -> Set<EmploymentFindingKind> {
        Set(checks.findings(for: notice).map(\.kind))
    }

    @Test func aCleanHireFindsNothing() {
        #expect(checks.findings(for: hire()).isEmpty)
    }

    @Test func lateReportOnTheDeadlineItselfIsOnTime() {
        #expect(kinds(hire(reported: "2026-08-10")).isEmpty)
        #expect(kinds(hire(reported: "2026-08-11")) == [.lateReport])
        #expect(kinds(hire(reported: "2026-08-31", hours: 10, insured: false)).isEmpty)
        #expect(kinds(hire(reported: "2026-09-01", hours: 10, insured: false)) == [.lateReport])
    }

    @Test func aDecemberHireIsDueInJanuary() {
        #expect(kinds(hire(reported: "2027-01-10", on: "2026-12-20")).isEmpty)
        #expect(kinds(hire(reported: "2027-01-11", on: "2026-12-20")) == [.lateReport])
        #expect(kinds(hire(reported: "2027-01-31", on: "2026-12-20", hours: 10, insured: false)).isEmpty)
        #expect(kinds(hire(reported: "2027-02-01", on: "2026-12-20", hours: 10, insured: false)) == [.lateReport])
    }

    @Test func separationsOnlyEverFindLateReports() {
        var separation = hire(.student, reported: "2026-07-12", on: "2026-07-01", hours: 40, insured: false, expiry: "2026-01-01")
        separation.isHire = false
        separation.employmentInsurance = true
        #expect(kinds(separation) == [.lateReport])
        separation.reportDate = d("2026-07-11")
        #expect(kinds(separation).isEmpty)
    }

    @Test func workNotPermittedWithoutPermission() {
        let found = checks.findings(for: hire(.student, hours: 10, insured: false))
        #expect(found.map(\.kind) == [.workNotPermitted])
        #expect(found[0].reason.contains("Student"))
    }

    @Test func permissionAllowsTwentyEightHoursAndNoMore() {
        #expect(kinds(hire(.student, permission: true, hours: 28, insured: true)).isEmpty)
        #expect(kinds(hire(.student, permission: true, hours: 28.5, insured: true)) == [.workNotPermitted])
        #expect(kinds(hire(.dependent, permission: true, hours: 28.25, insured: true)) == [.workNotPermitted])
        #expect(kinds(hire(.cultural, permission: true, hours: 12, insured: false)).isEmpty)
    }

    @Test func activityAndAnyWorkClassesAreNotJudgedHere() {
        #expect(kinds(hire(.engineerHumanities)).isEmpty)
        #expect(kinds(hire(.permanent)).isEmpty)
        #expect(kinds(hire(.titp1)).isEmpty)
    }

    @Test func designatedActivitiesNeedReview() {
        #expect(kinds(hire(.designated)) == [.workReview])
    }

    @Test func insuranceThresholdIsTwentyHoursInclusive() {
        #expect(kinds(hire(hours: 19.5, insured: false)).isEmpty)
        #expect(kinds(hire(hours: 19.99, insured: false)).isEmpty)
        #expect(kinds(hire(hours: 20, insured: false)) == [.eiMissing])
        #expect(kinds(hire(hours: 20, insured: true)).isEmpty)
        let thirty = try! DatedSchedule<Double>("hours", [Dated(30, from: nil, source: "a city's own reading")])
        #expect(EmploymentChecks(law: LegalThresholds(employmentInsuranceWeeklyHours: thirty)).findings(for: hire(hours: 25, insured: false)).isEmpty)
    }

    /// The threshold is the one in force on the day of the hire: 10 hours from 2028-10-01.
    @Test func theInsuranceThresholdFallsToTenHoursForHiresFrom2028October() {
        #expect(kinds(hire(reported: "2028-09-30", on: "2028-09-30", hours: 15, insured: false)).isEmpty)
        #expect(kinds(hire(reported: "2028-10-01", on: "2028-10-01", hours: 15, insured: false)) == [.eiMissing])
    }

    /// Full-time students and working-holiday makers are outside employment insurance, so 25
    /// uninsured hours with permission are no finding; a student on record as a night-course
    /// student is in it.
    @Test func studentsAndWorkingHolidayMakersAreOutsideEmploymentInsurance() {
        #expect(kinds(hire(.student, permission: true, hours: 25, insured: false)).isEmpty)
        var night = hire(.student, permission: true, hours: 25, insured: false)
        night.student = .otherStudent
        #expect(kinds(night) == [.eiMissing])
        var holiday = hire(.designated, hours: 30, insured: false)
        holiday.designation = .workingHoliday
        #expect(kinds(holiday) == [.workReview])
    }

    /// The 28 hours are a total over every employer: 16 here and 16 elsewhere is over the cap.
    @Test func theTwentyEightHoursAreSummedOverConcurrentJobs() throws {
        var second = hire(.student, permission: true, hours: 16, insured: true)
        #expect(kinds(second).isEmpty)
        second.otherJobs = [try ConcurrentJob(employer: "another", from: d("2026-05-01"), until: nil, weeklyHours: 16)]
        let found = checks.findings(for: second)
        #expect(found.map(\.kind) == [.workNotPermitted])
        #expect(found[0].reason.contains("32"))
        second.otherJobs = [try ConcurrentJob(employer: "another", from: d("2026-05-01"), until: d("2026-06-30"), weeklyHours: 16)]
        #expect(kinds(second).isEmpty, "a job that ended before the hire does not count")
    }

    @Test func stayExpiredWhenThePeriodEndedBeforeTheHire() {
        #expect(kinds(hire(on: "2026-07-01", expiry: "2026-07-01")).isEmpty)
        #expect(kinds(hire(on: "2026-07-01", expiry: "2026-06-30")) == [.stayExpired])
    }

    @Test func findingsAccumulateWithReasons() {
        let found = checks.findings(for: hire(.dependent, reported: "2026-09-05", hours: 35, insured: false, expiry: "2026-03-31"))
        #expect(Set(found.map(\.kind)) == [.lateReport, .workNotPermitted, .eiMissing, .stayExpired])
        #expect(found.first { $0.kind == .lateReport }?.reason.contains("2026-08-31") == true)
        #expect(found.first { $0.kind == .eiMissing }?.reason.contains("35 contracted hours") == true)
    }
}

@Suite struct CorporateNumberChangeTests {
    /// The check digit is 9 − (Σ mod 9), so a change that moves the weighted sum by a multiple of
    /// 9 cannot be seen: swapping a 0 for a 9 (or back). Every other single-digit change is caught.
    @Test func everySingleDigitChangeIsCaughtSaveZeroForNine() async {
        await propertyCheck(input: Gen.int(in: 0...999_999_999_999)) { n in
            let digits = String(n)
            let body = Array(String(repeating: "0", count: 12 - digits.count) + digits)
            let number = String(CorporateNumber.checkDigit(forBody: String(body))) + String(body)
            for position in 0..<13 {
                let original = Array(number)[position]
                for replacement in "0123456789" where replacement != original {
                    var changed = Array(number)
                    changed[position] = replacement
                    let blind = position > 0 && Set([original, replacement]) == ["0", "9"]
                    #expect((try? CorporateNumber(String(changed))) == nil || blind, "\(number) → \(String(changed))")
                }
            }
        }
    }
}

@Suite struct ReportPeriodTests {
    @Test func quartersMonthsAndYears() throws {
        let q3 = try ReportPeriod("2026-Q3")
        let d = { (text: String) in try! LocalDate(text) }
        #expect(q3.first == d("2026-07-01") && q3.last == d("2026-09-30"))
        #expect(try ReportPeriod("2028-Q1").last == d("2028-03-31"))
        #expect(try ReportPeriod("2028-02").last == d("2028-02-29"))
        #expect(try ReportPeriod("2026").last == d("2026-12-31"))
        #expect(q3.contains(d("2026-09-30")) && !q3.contains(d("2026-10-01")))
        let fiscal = try ReportPeriod("FY2026")
        #expect(fiscal.first == d("2026-04-01") && fiscal.last == d("2027-03-31"))
        for bad in ["2026-Q5", "2026-Q0", "2026-13", "26-Q1", "2026-7", "2026-Q3-1", "", "FY26", "FY-2026", "FY2026-Q1"] {
            #expect(throws: ValidationError.self) { try ReportPeriod(bad) }
        }
    }
}
