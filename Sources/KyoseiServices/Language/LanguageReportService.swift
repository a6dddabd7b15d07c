import GRDB
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
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.kind, c.level, r.nationality, s.state, s.from_waitlist, s.requested_on, s.seated_on,
                       \(CourseResult.measures)
                FROM course c JOIN course_seat s ON s.course_id = c.id JOIN resident r ON r.id = s.resident_id
                WHERE c.starts_on <= ? AND c.ends_on >= ? AND (s.state = 'WAITLISTED' OR s.seated_on IS NOT NULL)
                """, arguments: [period.last.description, period.first.description])
            var groups: [String: LanguageCounts] = [:]
            while let row = try rows.next() {
                let label: String = switch dimension {
                case .kind: row["kind"]
                case .level: row["level"]
                case .nationality: row["nationality"]
                }
                var counts = groups[label, default: LanguageCounts()]
                if row["state"] == "WAITLISTED" {
                    counts.waiting += 1
                } else {
                    counts.enrolled += 1
                    if completion.isComplete(attended: row["attended"], sessions: row["sessions"]) { counts.completed += 1 }
                    if let placement = (row["placement"] as String?).flatMap(LanguageLevel.init(rawValue:)),
                       let exit = (row["exit_level"] as String?).flatMap(LanguageLevel.init(rawValue:)) {
                        counts.assessed += 1
                        if exit > placement { counts.progressed += 1 }
                    }
                    if row["from_waitlist"] == 1 {
                        counts.seatedFromWaitlist += 1
                        let requested = try LocalDate(row["requested_on"] as String), seated = try LocalDate(row["seated_on"] as String)
                        if requested.days(until: seated) > LanguageTable.longWaitDays { counts.waitedLong += 1 }
                    }
                }
                groups[label] = counts
            }
            audit.detail = "period=\(period) by=\(dimension.rawValue) groups=\(groups.count)"
            return groups
        }
    }
}
