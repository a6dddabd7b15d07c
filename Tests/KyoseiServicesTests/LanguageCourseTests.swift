import Foundation
import KyoseiDomain
import KyoseiReports
import KyoseiServices
import KyoseiStore
import Testing

/// A city with one course; today is 2026-11-18 (school year 2026, so grade 1 next April is the
/// cohort born 2020-04-02 to 2021-04-01).
private struct LanguageCity {
    let city: TestCity
    var courses: CourseService { CourseService(context: city.context) }
    var seats: SeatService { SeatService(context: city.context) }
    var attendance: AttendanceService { AttendanceService(context: city.context) }
    var results: CourseResultsService { CourseResultsService(context: city.context) }

    init() throws { city = try TestCity() }

    func course(_ kind: CourseKind = .dailyLife, level: LanguageLevel = .a1, capacity: Int, starts: String = "2026-12-01",
                ends: String = "2027-03-15") throws -> Int64 {
        try courses.create(CourseDraft(kind: kind, level: level, title: nil, startsOn: LocalDate(starts), endsOn: LocalDate(ends),
                                       capacity: capacity), by: city.founder).id
    }

    /// A registered resident, living here since `since`.
    func person(_ name: String, born: String = "1990-05-05", since: String = "2020-01-01", nationality: String = "BR") throws -> Int64 {
        let id = try city.add(name, born: born, nationality: nationality).id
        try city.sqlite("UPDATE resident SET register_state = 'REGISTERED', resident_since = '\(since)' WHERE id = \(id)")
        return id
    }

    func enroll(_ id: Int64, _ course: Int64) throws -> SeatOutcome {
        try seats.enroll(.kyosei(id), in: course, by: city.founder)
    }

    /// The person's LANGUAGE_REFERRAL cases in any state, oldest first.
    func referrals(_ resident: Int64) throws -> [CaseRecord] {
        var filter = CaseFilter()
        filter.type = .languageReferral
        filter.person = .kyosei(resident)
        filter.states = nil
        return try CaseService(context: city.context).list(filter, by: city.founder).map(\.record).sorted { $0.id! < $1.id! }
    }
}

@Suite struct SeatTests {
    @Test func capacityFillsThenTheWaitlistKeepsTheOrderOfRequest() throws {
        let lc = try LanguageCity()
        let course = try lc.course(capacity: 2)
        let people = try ["ANA", "BIA", "CAU", "DEA", "EVA"].map { try lc.person("PERSON \($0)") }
        let outcomes = try people.map { try lc.enroll($0, course) }
        #expect(outcomes.map(\.outcome) == [.enrolled, .enrolled, .waitlisted, .waitlisted, .waitlisted])
        #expect(outcomes.map(\.position) == [nil, nil, 1, 2, 3])
        let detail = try lc.courses.show(course, by: lc.city.founder)
        #expect(detail.enrolled == people[0..<2].map { "K\($0)" })
        #expect(detail.waitlist == people[2...].map { "K\($0)" })
        #expect(throws: ServiceError.self) { try lc.enroll(people[0], course) }
        #expect(throws: ServiceError.self) { try lc.enroll(people[4], course) }
    }

    @Test func priorityGroupsGoAheadInTheConfiguredOrder() throws {
        let lc = try LanguageCity()
        let course = try lc.course(.preSchool, capacity: 1)
        let first = try lc.person("FIRST SEATED")
        let adult = try lc.person("LONG TERM ADULT")
        let child = try lc.person("CHILD NEXT APRIL", born: "2020-10-10")
        let childTooYoung = try lc.person("CHILD LATER", born: "2021-04-02")
        let newcomer = try lc.person("NEW ARRIVAL", since: "2026-10-01")
        for id in [first, adult, child, childTooYoung, newcomer] { _ = try lc.enroll(id, course) }
        let waitlist = try lc.courses.show(course, by: lc.city.founder).waitlist
        #expect(waitlist == [newcomer, child, adult, childTooYoung].map { "K\($0)" })
    }

    @Test func withdrawalGivesTheSeatToTheFirstWaitingAndOpensACaseToTellThem() throws {
        let lc = try LanguageCity()
        let course = try lc.course(capacity: 1)
        let (a, b, c) = (try lc.person("SEATED ONE"), try lc.person("WAITING ONE"), try lc.person("WAITING TWO"))
        for id in [a, b, c] { _ = try lc.enroll(id, course) }
        #expect(try lc.seats.withdraw(.kyosei(a), from: course, by: lc.city.founder) == "K\(b)")
        let detail = try lc.courses.show(course, by: lc.city.founder)
        #expect(detail.enrolled == ["K\(b)"])
        #expect(detail.waitlist == ["K\(c)"])
        #expect(try lc.referrals(b).map(\.title) == ["Seat from the waitlist in course \(course): tell the person"])
        #expect(try lc.seats.withdraw(.kyosei(c), from: course, by: lc.city.founder) == nil)
        #expect(try lc.courses.show(course, by: lc.city.founder).waitlist.isEmpty)
    }

    /// Seats are part of a person's story: taking one, waiting, giving it up and being promoted
    /// from the waitlist each leave a history row.
    @Test func seatsLeaveTheirHistory() throws {
        let lc = try LanguageCity()
        let course = try lc.course(capacity: 1)
        let (a, b) = (try lc.person("SEATED ONE"), try lc.person("WAITING ONE"))
        for id in [a, b] { _ = try lc.enroll(id, course) }
        _ = try lc.seats.withdraw(.kyosei(a), from: course, by: lc.city.founder)
        func seats(_ id: Int64) throws -> [String] {
            try ResidentService(context: lc.city.context).history(.kyosei(id), by: lc.city.founder).1
                .filter { $0.entity == "course_seat" }.map { "\($0.field) \($0.oldValue ?? "-") \($0.newValue ?? "-") \($0.source.rawValue)" }
        }
        #expect(try seats(a) == ["course \(course) - ENROLLED STAFF_EDIT", "course \(course) ENROLLED WITHDRAWN STAFF_EDIT"])
        #expect(try seats(b) == ["course \(course) - WAITLISTED STAFF_EDIT", "course \(course) WAITLISTED ENROLLED SYSTEM"])
    }

    @Test func aPromotionThatFailsUndoesTheWithdrawalToo() throws {
        let lc = try LanguageCity()
        let course = try lc.course(capacity: 1)
        let (a, b) = (try lc.person("SEATED ONE"), try lc.person("WAITING ONE"))
        for id in [a, b] { _ = try lc.enroll(id, course) }
        try lc.city.sqlite("CREATE TRIGGER no_cases BEFORE INSERT ON cases BEGIN SELECT RAISE(ABORT, 'no cases today'); END")
        #expect(throws: (any Error).self) { try lc.seats.withdraw(.kyosei(a), from: course, by: lc.city.founder) }
        let detail = try lc.courses.show(course, by: lc.city.founder)
        #expect(detail.enrolled == ["K\(a)"])
        #expect(detail.waitlist == ["K\(b)"])
    }

    @Test func transferMovesTheSeatAndRefusesAFullCourse() throws {
        let lc = try LanguageCity()
        let (from, to, full) = (try lc.course(capacity: 1), try lc.course(capacity: 1), try lc.course(capacity: 1))
        let (a, b, c) = (try lc.person("MOVER"), try lc.person("WAITER"), try lc.person("HOLDER"))
        _ = try lc.enroll(a, from)
        _ = try lc.enroll(b, from)
        _ = try lc.enroll(c, full)
        #expect(throws: ServiceError.self) { try lc.seats.transfer(.kyosei(a), from: from, to: full, by: lc.city.founder) }
        #expect(try lc.seats.transfer(.kyosei(a), from: from, to: to, by: lc.city.founder) == "K\(b)")
        #expect(try lc.courses.show(to, by: lc.city.founder).enrolled == ["K\(a)"])
        #expect(try lc.courses.show(from, by: lc.city.founder).enrolled == ["K\(b)"])
        #expect(try lc.results.history(.kyosei(a), by: lc.city.founder).map(\.state) == ["TRANSFERRED", "ENROLLED"])
    }

    /// Today is 2026-11-18: a course that ended yesterday takes nobody, by enrollment or by
    /// transfer (which then leaves the seat where it was); one that ends today still does.
    @Test func aCourseWhoseTermIsOverTakesNobody() throws {
        let lc = try LanguageCity()
        let (from, ended, endsToday) = (try lc.course(capacity: 2), try lc.course(capacity: 5, starts: "2026-04-01", ends: "2026-11-17"),
                                        try lc.course(capacity: 5, starts: "2026-11-01", ends: "2026-11-18"))
        let (mover, newcomer) = (try lc.person("MOVER"), try lc.person("NEWCOMER"))
        _ = try lc.enroll(mover, from)
        let refusal = ServiceError.usage("Course \(ended) ended on 2026-11-17; nobody can be enrolled in or transferred into a course whose term is over.")
        #expect(throws: refusal) { try lc.enroll(newcomer, ended) }
        #expect(throws: refusal) { try lc.seats.transfer(.kyosei(mover), from: from, to: ended, by: lc.city.founder) }
        #expect(try lc.courses.show(from, by: lc.city.founder).enrolled == ["K\(mover)"])
        #expect(try lc.courses.show(ended, by: lc.city.founder).enrolled.isEmpty)
        #expect(try lc.enroll(newcomer, endsToday).outcome == .enrolled)
    }

    @Test func aSeatGivenUpAfterTheTermGoesToNobody() throws {
        let lc = try LanguageCity()
        let ended = try lc.course(capacity: 1, starts: "2026-10-01", ends: "2026-11-10")
        let (seated, waiting) = (try lc.person("SEATED"), try lc.person("WAITING"))
        let whileItRan = SeatService(context: try lc.city.context(on: "2026-10-01"))
        _ = try whileItRan.enroll(.kyosei(seated), in: ended, by: lc.city.founder)
        #expect(try whileItRan.enroll(.kyosei(waiting), in: ended, by: lc.city.founder).outcome == .waitlisted)
        #expect(try lc.seats.withdraw(.kyosei(seated), from: ended, by: lc.city.founder) == nil)
        let after = try lc.courses.show(ended, by: lc.city.founder)
        #expect(after.enrolled.isEmpty && after.waitlist == ["K\(waiting)"])
    }
}

@Suite struct AttendanceTests {
    @Test func completionNeedsTheConfiguredShareOfSessions() throws {
        let lc = try LanguageCity()
        let course = try lc.course(capacity: 3, starts: "2026-12-01", ends: "2026-12-05")
        _ = try lc.courses.schedule(course, dates: (1...5).map { try LocalDate("2026-12-0\($0)") }, startsAt: "", by: lc.city.founder)
        let (four, three) = (try lc.person("FOUR OF FIVE"), try lc.person("THREE OF FIVE"))
        for id in [four, three] { _ = try lc.enroll(id, course) }
        for session in 1...5 {
            _ = try lc.attendance.mark(course: course, session: session, present: session <= 4 ? [.kyosei(four)] : [],
                                       absent: session <= 4 ? [] : [.kyosei(four)], by: lc.city.founder)
            if session <= 3 { _ = try lc.attendance.mark(course: course, session: session, present: [.kyosei(three)], absent: [], by: lc.city.founder) }
        }
        let results = try lc.results.results(course: course, by: lc.city.founder)
        #expect(results.map(\.attended) == [4, 3])
        #expect(results.map(\.completed) == [true, false])
        #expect(throws: ServiceError.self) {
            try lc.attendance.mark(course: course, session: 6, present: [.kyosei(four)], absent: [], by: lc.city.founder)
        }
    }

    @Test func aProvidersFileIsAppliedAndItsBadRowsSetAside() throws {
        let lc = try LanguageCity()
        let course = try lc.course(capacity: 1, starts: "2026-12-01", ends: "2026-12-02")
        _ = try lc.courses.schedule(course, dates: [try LocalDate("2026-12-01"), try LocalDate("2026-12-02")], startsAt: "", by: lc.city.founder)
        let (seated, waiting) = (try lc.person("SEATED"), try lc.person("WAITING"))
        _ = try lc.enroll(seated, course)
        _ = try lc.enroll(waiting, course)
        let file = lc.city.folder.appendingPathComponent("attendance.csv")
        try Data("session,person,present\n1,K\(seated),Y\n2,k\(seated),Y\n3,K\(seated),Y\n1,K\(waiting),Y\n2,K\(seated),maybe\n".utf8).write(to: file)
        let outcome = try FileImport(context: lc.city.context).apply(file.path, as: .attendance(course: course), by: lc.city.founder)
        #expect(outcome.attendance?.marked == 2)
        #expect(outcome.attendance?.rejects.map(\.line) == [4, 5, 6])
        #expect(try lc.results.results(course: course, by: lc.city.founder).first?.completed == true)
        try Data("session;person\n".utf8).write(to: file)
        let refused = try FileImport(context: lc.city.context).apply(file.path, as: .attendance(course: course), by: lc.city.founder)
        #expect(refused.outcome == .refused)
        #expect(refused.reason?.contains("attendance.csv") == true)
    }
}

@Suite struct LanguageReferralTests {
    private func run(_ lc: LanguageCity) throws -> RuleRunSummary {
        try RulesService(context: lc.city.context).run(by: lc.city.founder).first { $0.rule == "LANGUAGE_REFERRAL" }!
    }

    @Test func aNewcomerWithoutOrientationIsReferredOnceAndResolvedOnEnrollment() throws {
        let lc = try LanguageCity()
        let newcomer = try lc.person("NEW ARRIVAL", since: "2026-09-01")
        _ = try lc.person("LONG SETTLED", since: "2025-01-01")
        _ = try lc.person("NEW CHILD TOO OLD FOR PRESCHOOL", born: "2015-01-01", since: "2026-09-01")
        #expect(try run(lc).raised == 1)
        #expect(try run(lc).raised == 0)
        let referral = try #require(try lc.referrals(newcomer).first)
        #expect(referral.state == .open)
        _ = try lc.enroll(newcomer, try lc.course(.dailyLife, capacity: 5))
        #expect(try lc.referrals(newcomer).first?.state == .open, "a daily-life course does not answer an orientation referral")
        _ = try lc.enroll(newcomer, try lc.course(.orientation, capacity: 5))
        #expect(try lc.referrals(newcomer).first?.state == .resolved)
        #expect(try run(lc).raised == 0)
    }

    @Test func aChildEnteringGradeOneNextAprilWithoutPreSchoolIsReferred() throws {
        let lc = try LanguageCity()
        let child = try lc.person("CHILD NEXT APRIL", born: "2021-04-01")
        _ = try lc.person("CHILD A YEAR LATER", born: "2021-04-02")
        _ = try lc.person("CHILD ALREADY IN SCHOOL", born: "2020-04-01")
        let summary = try run(lc)
        #expect(summary.raised == 1)
        #expect(try lc.referrals(child).map(\.title) == ["Enters grade 1 in April 2027 without pre-school Japanese"])
        let course = try lc.course(.preSchool, capacity: 1)
        let seatTaker = try lc.person("SEAT TAKER", born: "2020-12-12")
        _ = try lc.enroll(seatTaker, course)
        #expect(try lc.enroll(child, course).outcome == .waitlisted)
        #expect(try lc.referrals(child).first?.state == .open, "a waitlist place is not a seat")
        #expect(try lc.seats.withdraw(.kyosei(seatTaker), from: course, by: lc.city.founder) == "K\(child)")
        #expect(try lc.referrals(child).map(\.state) == [.resolved, .open], "the referral is settled; the seat case waits for staff")
    }

    @Test func anAdultPlacedBelowA2AndNotEnrolledIsReferredUntilSeated() throws {
        let lc = try LanguageCity()
        let adult = try lc.person("PLACED LOW")
        let ended = try lc.course(.dailyLife, level: .a1, capacity: 5, starts: "2026-04-01", ends: "2026-07-31")
        let whileItRan = SeatService(context: try lc.city.context(on: "2026-04-01"))
        _ = try whileItRan.enroll(.kyosei(adult), in: ended, by: lc.city.founder)
        try lc.attendance.assess(.kyosei(adult), course: ended, placement: .a1, exit: nil, on: try LocalDate("2026-04-01"), by: lc.city.founder)
        let fine = try lc.person("PLACED HIGHER")
        _ = try whileItRan.enroll(.kyosei(fine), in: ended, by: lc.city.founder)
        try lc.attendance.assess(.kyosei(fine), course: ended, placement: .a2, exit: nil, on: nil, by: lc.city.founder)
        #expect(try run(lc).raised == 1)
        #expect(try lc.referrals(adult).map(\.title) == ["Assessed below A2 and not in a course"])
        _ = try lc.enroll(adult, try lc.course(.work, level: .a1, capacity: 5))
        #expect(try lc.referrals(adult).first?.state == .resolved)
        #expect(try run(lc).raised == 0)
    }

    @Test func aCauseThatGoesAwayWithoutASeatIsResolvedByTheRule() throws {
        let lc = try LanguageCity()
        let newcomer = try lc.person("NEW ARRIVAL", since: "2026-09-01")
        #expect(try run(lc).raised == 1)
        try lc.city.sqlite("UPDATE resident SET register_state = 'MOVED_OUT' WHERE id = \(newcomer)")
        #expect(try run(lc).autoResolved == 1)
        #expect(try lc.referrals(newcomer).first?.state == .resolved)
    }
}

@Suite struct LanguagePermissionTests {
    @Test(arguments: Role.allCases)
    func eachRoleGetsExactlyItsCourseRights(role: Role) throws {
        let lc = try LanguageCity()
        let course = try lc.course(capacity: 5)
        let subject = try lc.person("SUBJECT PERSON")
        let member = try lc.city.member("user-\(role.rawValue)", role)
        let operations: [(Permission, String, (StaffMember) throws -> Void)] = [
            (.courseManage, "course create", { _ = try lc.courses.create(
                CourseDraft(kind: .work, level: .b1, title: nil, startsOn: try LocalDate("2027-01-01"),
                            endsOn: try LocalDate("2027-02-01"), capacity: 3), by: $0) }),
            (.courseManage, "course schedule", { _ = try lc.courses.schedule(course, dates: [try LocalDate("2026-12-02")], startsAt: "", by: $0) }),
            (.courseEnroll, "course list", { _ = try lc.courses.list(by: $0) }),
            (.courseEnroll, "course show", { _ = try lc.courses.show(course, by: $0) }),
            (.courseEnroll, "course enroll", { _ = try lc.seats.enroll(.kyosei(subject), in: course, by: $0) }),
            (.courseEnroll, "course results", { _ = try lc.results.results(course: course, by: $0) }),
            (.courseEnroll, "course withdraw", { _ = try lc.seats.withdraw(.kyosei(subject), from: course, by: $0) }),
            (.residentRead, "person language", { _ = try lc.results.history(.kyosei(subject), by: $0) }),
            (.aggregateReport, "report language", { _ = try LanguageReportService(context: lc.city.context).figures(
                period: try ReportPeriod("FY2026"), by: .kind, staff: $0) }),
        ]
        for (permission, name, call) in operations {
            if PermissionMatrix.allows(role, permission) {
                #expect(throws: Never.self, "\(role) should be allowed to \(name)") { try call(member) }
            } else {
                #expect(throws: ServiceError.self, "\(role) should be refused \(name)") { try call(member) }
            }
        }
    }

    @Test func clerksEnrolButOnlySupervisorsManageCoursesAndAnalystsSeeAggregatesOnly() {
        #expect(PermissionMatrix.allows(.clerk, .courseEnroll) && !PermissionMatrix.allows(.clerk, .courseManage))
        #expect(PermissionMatrix.allows(.supervisor, .courseManage))
        #expect(!PermissionMatrix.allows(.analyst, .courseEnroll) && PermissionMatrix.allows(.analyst, .aggregateReport))
    }
}
