/// The language-course table: seats, completion, level progress from placement to exit, the
/// waitlist and how long it kept people, by group. Each column is withheld on its own by the
/// shared `Suppression` step, a rate whenever its numerator, denominator or remainder is small.
public enum LanguageTable {
    /// A wait longer than this is counted as long.
    public static let longWaitDays = 30

    public static let columns = ["Enrolled", "Completed", "Completion rate", "Assessed", "Rose a level", "Progress rate",
                                 "Waiting", "Seated from waitlist", "Waited over \(longWaitDays) days"]

    public static let reportColumns: [ReportColumn] = {
        let values: [ReportColumn.Value] = [.count(0), .count(1), .share(1, of: 0), .count(2), .count(3), .share(3, of: 2),
                                            .count(4), .count(5), .share(6, of: 5)]
        return zip(columns, values).enumerated().map { ReportColumn($1.0, $1.1, block: $0) }
    }()

    public static func counts(groupedBy rowHeader: String, groups: [String: LanguageCounts]) -> GroupedCounts {
        GroupedCounts(
            rowHeader: rowHeader,
            measures: ["enrolled", "completed", "assessed", "progressed", "waiting", "seated from waitlist", "waited long"],
            groups: groups.mapValues(\.measures))
    }

    public static func build(title: String, groupedBy rowHeader: String, groups: [String: LanguageCounts], minimum: Int,
                             completionPercent: Int, earlier: EarlierTables = .none) -> ReportTable {
        Suppression.table(
            title: title, counts: counts(groupedBy: rowHeader, groups: groups), columns: reportColumns, minimum: minimum,
            notes: ["* withheld: fewer than \(minimum) people, or withheld so that another withheld figure cannot be worked out from the total.",
                    "Completed: attended at least \(completionPercent)% of the course's sessions. Assessed: placement and exit levels both recorded.",
                    "Waited: from the request to the seat; waiting: still on a waitlist."],
            earlier: earlier)
    }
}
