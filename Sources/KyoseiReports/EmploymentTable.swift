/// The employment table: hires, separations, late reports and the late, insured and dispatched
/// shares, by group. Each column is withheld on its own by the shared `Suppression` step, a
/// share whenever its numerator, denominator or remainder is small.
public enum EmploymentTable {
    public static let columns = ["Hires", "Separations", "Late reports", "Late share", "Insured share", "Dispatched share"]

    public static let reportColumns: [ReportColumn] = {
        let values: [ReportColumn.Value] = [.count(0), .count(1), .count(2), .share(2, of: 3), .share(4, of: 0), .share(5, of: 0)]
        return zip(columns, values).enumerated().map { ReportColumn($1.0, $1.1, block: $0) }
    }()

    public static func counts(groupedBy rowHeader: String, groups: [String: EmploymentCounts]) -> GroupedCounts {
        GroupedCounts(
            rowHeader: rowHeader, measures: ["hires", "separations", "late", "notifications", "insured hires", "dispatched hires"],
            groups: groups.mapValues { [$0.hires, $0.separations, $0.late, $0.notifications, $0.insuredHires, $0.dispatchedHires] })
    }

    /// Every notification is a hire or a separation: anyone adds the two published columns, so
    /// suppression must know it.
    public static let relations = [RowRelation(whole: 3, parts: [0, 1])]

    public static func build(title: String, groupedBy rowHeader: String, groups: [String: EmploymentCounts], minimum: Int,
                             earlier: EarlierTables = .none) -> ReportTable {
        Suppression.table(
            title: title, counts: counts(groupedBy: rowHeader, groups: groups), columns: reportColumns, relations: relations,
            minimum: minimum,
            notes: ["* withheld: fewer than \(minimum) notifications, or withheld so that another withheld figure cannot be worked out from the total.",
                    "Late share is of all notifications; insured and dispatched shares are of hires."],
            earlier: earlier)
    }
}
