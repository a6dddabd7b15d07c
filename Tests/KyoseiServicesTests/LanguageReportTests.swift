import Foundation
import KyoseiDomain
import KyoseiReports
import KyoseiServices
import Testing

/// The language report against figures worked out by hand: two daily-life courses in the
/// period (one of them full, with a waitlist), one orientation course, one course outside it.
@Suite struct LanguageReportTests {
    @Test func figuresMatchTheHandCountAndSmallCellsAreWithheld() throws {
        let city = try TestCity()
        let courses = CourseService(context: city.context), seats = SeatService(context: city.context)
        let attendance = AttendanceService(context: city.context)
        func course(_ kind: CourseKind, capacity: Int, starts: String, ends: String) throws -> Int64 {
            let id = try courses.create(CourseDraft(kind: kind, level: .a1, title: nil, startsOn: LocalDate(starts), endsOn: LocalDate(ends),
                                                    capacity: capacity), by: city.founder).id
            _ = try courses.schedule(id, dates: [try LocalDate(starts), try LocalDate(ends)], startsAt: "", by: city.founder)
            return id
        }
        let names = ["ANA", "BEA", "CAIO", "DANI", "EDU", "FABI", "GUI", "HUGO", "IARA", "JOAO", "KAUE", "LIA", "MAIA", "NINA"]
        let people = try names.map { try city.add("SILVA \($0)", nationality: $0.count == 3 ? "BR" : "PH").id }
        let daily1 = try course(.dailyLife, capacity: 6, starts: "2026-12-01", ends: "2026-12-20")
        let daily2 = try course(.dailyLife, capacity: 10, starts: "2026-11-01", ends: "2026-11-30")
        let orientation = try course(.orientation, capacity: 3, starts: "2026-12-05", ends: "2026-12-06")
        let outside = try course(.work, capacity: 10, starts: "2026-01-05", ends: "2026-03-30")
        // daily1: six seated, two waiting; daily2: one seated. Orientation: three seated. Outside: five.
        for id in people[0..<8] { _ = try seats.enroll(.kyosei(id), in: daily1, by: city.founder) }
        _ = try seats.enroll(.kyosei(people[8]), in: daily2, by: city.founder)
        for id in people[9..<12] { _ = try seats.enroll(.kyosei(id), in: orientation, by: city.founder) }
        let inJanuary = SeatService(context: try city.context(on: "2026-01-05"))
        for id in people[0..<5] { _ = try inJanuary.enroll(.kyosei(id), in: outside, by: city.founder) }
        // Completed (both sessions): five of daily1's six, daily2's one; one of orientation's three.
        for id in people[0..<5] + [people[8]] {
            for session in [1, 2] {
                let course = id == people[8] ? daily2 : daily1
                _ = try attendance.mark(course: course, session: session, present: [.kyosei(id)], absent: [], by: city.founder)
            }
        }
        _ = try attendance.mark(course: daily1, session: 1, present: [.kyosei(people[5])], absent: [], by: city.founder)
        for session in [1, 2] { _ = try attendance.mark(course: orientation, session: session, present: [.kyosei(people[9])], absent: [], by: city.founder) }
        // Levels in daily1: five assessed, three rose from A1.
        for (index, exit) in [LanguageLevel.a2, .a2, .b1, .a1, .a1].enumerated() {
            try attendance.assess(.kyosei(people[index]), course: daily1, placement: .a1, exit: exit, on: nil, by: city.founder)
        }

        let report = LanguageReportService(context: city.context)
        let groups = try report.figures(period: try ReportPeriod("2026-Q4"), by: .kind, staff: city.founder)
        #expect(Set(groups.keys) == ["DAILY_LIFE", "ORIENTATION"])
        let daily = try #require(groups["DAILY_LIFE"])
        #expect([daily.enrolled, daily.completed, daily.assessed, daily.progressed, daily.waiting] == [7, 6, 5, 3, 2] as [Int])
        let orient = try #require(groups["ORIENTATION"])
        #expect([orient.enrolled, orient.completed, orient.waiting] == [3, 1, 0] as [Int])

        let table = LanguageTable.build(title: "t", groupedBy: "kind", groups: groups, minimum: 5, completionPercent: 80)
        let dailyRow = try #require(table.rows.first { $0.label == "DAILY_LIFE" })
        let orientationRow = try #require(table.rows.first { $0.label == "ORIENTATION" })
        #expect(orientationRow.cells[0] == .suppressed, "3 enrolled: under 5")
        #expect(dailyRow.cells[0] == .suppressed, "withheld with it, or the total would give the 3 back")
        #expect(table.total.cells[0] == .count(10))
        #expect(orientationRow.cells[1] == .suppressed, "1 completed: under 5")
        #expect(table.total.cells[1] == .suppressed && dailyRow.cells[1] == .count(6),
                "the total is withheld, not the other group: 10 enrolled less 7 completed would give back the 3 who did not")
        #expect(dailyRow.cells[2] == .suppressed, "7 enrolled less 6 completed leaves 1 who did not")
        #expect(dailyRow.cells[3] == .count(5) && orientationRow.cells[3] == .count(0) && table.total.cells[3] == .count(5))
        #expect(dailyRow.cells[4] == .suppressed && dailyRow.cells[5] == .suppressed, "3 rose a level: under 5")
        #expect(table.total.cells[4] == .suppressed, "the only other group has none, so the total is withheld instead")
        #expect(dailyRow.cells[6] == .suppressed && table.total.cells[6] == .suppressed, "2 waiting")

        let fiscal = try report.figures(period: try ReportPeriod("FY2025"), by: .nationality, staff: city.founder)
        #expect(fiscal.mapValues(\.enrolled) == ["BR": 3, "PH": 2], "only the course of January to March 2026 falls in FY2025")
    }

    @Test func waitsAreMeasuredFromTheRequestToTheSeat() throws {
        let clockDate = MovableDate(Date(timeIntervalSince1970: 1_795_000_000))
        let city = try TestCity(clock: KyoseiClock { clockDate.value })
        let courses = CourseService(context: city.context), seats = SeatService(context: city.context)
        let course = try courses.create(CourseDraft(kind: .work, level: .b1, title: nil, startsOn: LocalDate("2026-12-01"),
                                                    endsOn: LocalDate("2027-02-01"), capacity: 1), by: city.founder).id
        let people = try ["ANA", "BEA", "CAIO"].map { try city.add("SOUZA \($0)").id }
        for id in people { _ = try seats.enroll(.kyosei(id), in: course, by: city.founder) }
        clockDate.value += 10 * 86400
        _ = try seats.withdraw(.kyosei(people[0]), from: course, by: city.founder)
        clockDate.value += 25 * 86400
        _ = try seats.withdraw(.kyosei(people[1]), from: course, by: city.founder)
        let work = try #require(try LanguageReportService(context: city.context)
            .figures(period: try ReportPeriod("FY2026"), by: .level, staff: city.founder)["B1"])
        #expect([work.enrolled, work.seatedFromWaitlist, work.waitedLong, work.waiting] == [3, 2, 1, 0] as [Int])
    }
}

/// A clock the test moves forward between calls.
private final class MovableDate: @unchecked Sendable {
    var value: Date
    init(_ value: Date) { self.value = value }
}
