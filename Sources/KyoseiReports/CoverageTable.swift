/// Builds the coverage table (share covered per obligation, by group) and applies suppression:
/// a group's figures for an obligation are withheld when the obligated, covered or uncovered
/// count is under the minimum, and when that leaves a single withheld group in a column a
/// second one is withheld too, so no withheld figure can be recomputed from the published total.
public enum CoverageTable {
    public static func build(
        title: String, groupedBy rowHeader: String, groups: [String: [CoverageObligationKey: CoverageCounts]],
        obligations: [CoverageObligationKey], minimum: Int
    ) -> ReportTable {
        let labels = groups.keys.sorted()
        var columns: [String] = []
        for o in obligations { columns += ["\(o) obligated", "\(o) covered", "\(o) share"] }
        var withheld = Set<[String]>()
        var withheldTotals = Set<CoverageObligationKey>()
        for o in obligations {
            let counts = labels.map { (label: $0, counts: groups[$0]?[o] ?? CoverageCounts(obligated: 0, covered: 0)) }
            var hidden = counts.filter { isSensitive($0.counts, minimum: minimum) }.map(\.label)
            let visible = counts.filter { !hidden.contains($0.label) && $0.counts.obligated > 0 }
            if hidden.count == 1 {
                if let partner = visible.min(by: { $0.counts.obligated < $1.counts.obligated }) {
                    hidden.append(partner.label)
                } else {
                    withheldTotals.insert(o)
                }
            }
            for label in hidden { withheld.insert([label, o.rawValue]) }
        }
        let rows = labels.map { label in
            ReportTable.Row(label: label, cells: obligations.flatMap { o in
                cells(groups[label]?[o] ?? CoverageCounts(obligated: 0, covered: 0), hidden: withheld.contains([label, o.rawValue]))
            })
        }
        let totals = obligations.flatMap { o in
            let sum = labels.reduce(CoverageCounts(obligated: 0, covered: 0)) { $0 + (groups[$1]?[o] ?? CoverageCounts(obligated: 0, covered: 0)) }
            return cells(sum, hidden: withheldTotals.contains(o) || isSensitive(sum, minimum: minimum))
        }
        return ReportTable(
            title: title, rowHeader: rowHeader, columns: columns, rows: rows, total: ReportTable.Row(label: "Total", cells: totals),
            notes: ["* withheld: fewer than \(minimum) people, or withheld so that another withheld figure cannot be worked out from the total."])
    }

    /// A small count of people under the obligation, covered, or not covered could point at someone.
    static func isSensitive(_ c: CoverageCounts, minimum: Int) -> Bool {
        c.obligated > 0 && (c.obligated < minimum || c.covered < minimum && c.covered > 0
            || (c.obligated - c.covered) < minimum && c.obligated > c.covered)
    }

    private static func cells(_ c: CoverageCounts, hidden: Bool) -> [ReportTable.Cell] {
        if hidden { return [.suppressed, .suppressed, .suppressed] }
        if c.obligated == 0 { return [.count(0), .count(0), .empty] }
        return [.count(c.obligated), .count(c.covered), .share(Double(c.covered) / Double(c.obligated))]
    }
}

/// The obligations as report columns (the domain enum's raw values, kept apart so reports
/// depend only on names).
public enum CoverageObligationKey: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case health, pension, employment
    public var description: String { rawValue }
}
