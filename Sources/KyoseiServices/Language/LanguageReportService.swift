import KyoseiDomain
import KyoseiReports
import KyoseiStore

/// The language-course figures for the report: counts per group of the seats in every course
/// whose term overlaps the period, never a person; it needs the aggregate-report permission only.
public struct LanguageReportService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// The fiscal year (April–March) that today falls in: the year the city's budget runs on.
    public func currentFiscalYear() throws -> ReportPeriod {
        try ReportPeriod("FY\(SchoolYear(containing: context.clock.today).startYear)")
    }

    public func figures(period: ReportPeriod, by dimension: LanguageDimension, staff: StaffMember) throws -> [String: LanguageCounts] {
        let completion = try CourseCompletion(percent: context.settings.languageCompletionPercent)
        return try context.performRead(.aggregateReport, by: staff, action: .reportLanguage, entity: .courseSeat) { db, audit in
            let seats = try SeatStanding.inCourses(runningFrom: period.first, to: period.last, in: db)
            var groups: [String: LanguageCounts] = [:]
            while let seat = try seats.next() {
                let label = switch dimension {
                case .kind: seat.kind.rawValue
                case .level: seat.level.rawValue
                case .nationality: seat.nationality
                }
                var counts = groups[label, default: LanguageCounts()]
                if seat.state == .waitlisted {
                    counts.waiting += 1
                } else {
                    counts.enrolled += 1
                    if completion.isComplete(attended: seat.attended, sessions: seat.sessions) { counts.completed += 1 }
                    if let placement = seat.placement, let exit = seat.exitLevel {
                        counts.assessed += 1
                        if exit > placement { counts.progressed += 1 }
                    }
                    if seat.fromWaitlist, let seated = seat.seatedOn {
                        counts.seatedFromWaitlist += 1
                        if seat.requestedOn.days(until: seated) > LanguageTable.longWaitDays { counts.waitedLong += 1 }
                    }
                }
                groups[label] = counts
            }
            audit.detail = "period=\(period) by=\(dimension.rawValue) groups=\(groups.count)"
            return groups
        }
    }
}
