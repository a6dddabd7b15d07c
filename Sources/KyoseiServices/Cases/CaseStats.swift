import GRDB
import KyoseiDomain
import KyoseiStore

/// Workload figures: counts, never a person. `nil` is a figure withheld (for staff who do not
/// work cases, see `withheld(minimum:)`).
public struct CaseStats: Sendable, Codable {
    public var openByType: [String: Int?]
    public var openByAssignee: [String: Int?]
    public var openByTeam: [String: Int?]
    public var overdue: Int?
    public var open: Int?
    public var medianAgeDays: Int?
    /// Monday of each of the last eight weeks → cases opened / closed (resolved) that week.
    public var openedPerWeek: [String: Int?]
    public var resolvedPerWeek: [String: Int?]

    enum CodingKeys: String, CodingKey {
        case overdue, open
        case openByType = "open_by_type"
        case openByAssignee = "open_by_assignee"
        case openByTeam = "open_by_team"
        case medianAgeDays = "median_age_days"
        case openedPerWeek = "opened_per_week"
        case resolvedPerWeek = "resolved_per_week"
    }

    static func compute(today: LocalDate, in db: Database) throws -> CaseStats {
        func grouped(_ column: Column) throws -> [String: Int?] {
            var counts: [String: Int] = [:]
            for (value, count) in try CaseRecord.activeCounts(by: column, in: db) { counts[value ?? "(none)", default: 0] += count }
            return counts.mapValues(Optional.some)
        }
        let open = try CaseRecord.activeCount(in: db)
        let overdue = try CaseRecord.activeCount(dueBefore: today, in: db)
        let median: Int? = open == 0 ? nil : try CaseRecord.activeOpenedAt(offset: open / 2, in: db)
            .flatMap { try? LocalDate(String($0.prefix(10))) }.map { $0.days(until: today) }
        // Weeks start on Monday; 1970-01-05 was one.
        let monday = today.adding(days: -((today.dayNumber - 4) % 7))
        let since = monday.adding(days: -49)
        func perWeek(_ column: Column) throws -> [String: Int?] {
            var weeks: [String: Int?] = [:]
            for i in 0..<8 {
                let start = since.adding(days: 7 * i)
                weeks[start.description] = try CaseRecord.count(column, from: start, to: start.adding(days: 7), in: db)
            }
            return weeks
        }
        return CaseStats(
            openByType: try grouped(CaseRecord.Columns.caseType), openByAssignee: try grouped(CaseRecord.Columns.assignee),
            openByTeam: try grouped(CaseRecord.Columns.team), overdue: overdue, open: open, medianAgeDays: median,
            openedPerWeek: try perWeek(CaseRecord.Columns.openedAt), resolvedPerWeek: try perWeek(CaseRecord.Columns.resolvedAt))
    }
}
