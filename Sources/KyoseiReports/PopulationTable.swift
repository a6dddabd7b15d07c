/// The resident-population table: how many residents in each group and their share of all
/// residents, withheld together by the shared `Suppression` step.
public enum PopulationTable {
    public static let columns = [ReportColumn("Residents", .count(0), block: 0), ReportColumn("Share", .shareOfTotal(0), block: 0)]

    public static func counts(groupedBy rowHeader: String, groups: [String: Int]) -> GroupedCounts {
        GroupedCounts(rowHeader: rowHeader, measures: ["residents"], groups: groups.mapValues { [$0] })
    }

    public static func build(title: String, groupedBy rowHeader: String, groups: [String: Int], minimum: Int,
                             earlier: EarlierTables = .none) -> ReportTable {
        Suppression.table(
            title: title, counts: counts(groupedBy: rowHeader, groups: groups), columns: columns, minimum: minimum,
            notes: ["* withheld: fewer than \(minimum) residents, or withheld so that another withheld figure cannot be worked out from the total."],
            earlier: earlier)
    }
}
