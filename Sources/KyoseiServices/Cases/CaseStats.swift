import GRDB
import KyoseiDomain

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
        let active = "state IN ('OPEN','IN_PROGRESS','WAITING')"
        // Grouping by the bare column (not an expression) lets SQLite walk the partial index.
        func grouped(_ column: String) throws -> [String: Int?] {
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(column) AS k, count(*) AS n FROM cases WHERE \(active) GROUP BY \(column)") {
                counts[(row["k"] as String?) ?? "(none)", default: 0] += row["n"] as Int
            }
            return counts.mapValues(Optional.some)
        }
        let open = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases WHERE \(active)") ?? 0
        let overdue = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM cases WHERE \(active) AND due_date < ?", arguments: [today.description]) ?? 0
        let median: Int? = open == 0 ? nil : try String.fetchOne(db, sql: """
            SELECT opened_at FROM cases WHERE \(active) ORDER BY opened_at LIMIT 1 OFFSET ?
            """, arguments: [open / 2]).flatMap { try? LocalDate(String($0.prefix(10))) }.map { $0.days(until: today) }
        // Weeks start on Monday; 1970-01-05 was one.
        let monday = today.adding(days: -((today.dayNumber - 4) % 7))
        let since = monday.adding(days: -49)
        /// One index range count per week.
        func perWeek(_ column: String) throws -> [String: Int?] {
            var weeks: [String: Int?] = [:]
            for i in 0..<8 {
                let start = since.adding(days: 7 * i)
                weeks[start.description] = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM cases WHERE \(column) >= ? AND \(column) < ?",
                    arguments: [start.description, start.adding(days: 7).description]) ?? 0
            }
            return weeks
        }
        return CaseStats(
            openByType: try grouped("case_type"), openByAssignee: try grouped("assignee"), openByTeam: try grouped("team"),
            overdue: overdue, open: open, medianAgeDays: median, openedPerWeek: try perWeek("opened_at"),
            resolvedPerWeek: try perWeek("resolved_at"))
    }
}
