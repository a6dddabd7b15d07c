/// The one suppression step every report goes through: grouped counts in, a table with small
/// figures withheld out. A block of a group is withheld when any count it is built from (or the
/// remainder a share implies) is under the minimum; where that leaves a single withheld group in
/// a block, the smallest other group is withheld with it, or the total when there is none, so no
/// withheld figure can be recomputed by subtracting the published ones from the total.
public enum Suppression {
    public static func table(
        title: String, counts: GroupedCounts, columns: [ReportColumn], minimum: Int, notes: [String] = []
    ) -> ReportTable {
        let labels = counts.groups.keys.sorted()
        let rows = labels.map { counts.groups[$0]! }
        let totals = counts.totals
        let blocks = Array(Set(columns.map(\.block))).sorted()
        var hidden = rows.map { sensitiveBlocks($0, totals: totals, columns: columns, minimum: minimum) }
        var hiddenTotal = sensitiveBlocks(totals, totals: totals, columns: columns, minimum: minimum)
        for block in blocks {
            let withheld = rows.indices.filter { hidden[$0].contains(block) }
            guard withheld.count == 1 else { continue }
            let partner = rows.indices
                .filter { !hidden[$0].contains(block) && weight(rows[$0], block: block, columns: columns) > 0 }
                .min { weight(rows[$0], block: block, columns: columns) < weight(rows[$1], block: block, columns: columns) }
            if let partner { hidden[partner].insert(block) } else { hiddenTotal.insert(block) }
        }
        func cells(_ counts: [Int], hiding: Set<Int>) -> [ReportTable.Cell] {
            columns.map { hiding.contains($0.block) ? .suppressed : $0.cell(counts, totals: totals) }
        }
        return ReportTable(
            title: title, rowHeader: counts.rowHeader, columns: columns.map(\.title),
            rows: labels.indices.map { ReportTable.Row(label: labels[$0], cells: cells(rows[$0], hiding: hidden[$0])) },
            total: ReportTable.Row(label: "Total", cells: cells(totals, hiding: hiddenTotal)), notes: notes)
    }

    /// A count under the minimum (but not zero) could point at someone; so could a share whose
    /// part, whole or remainder is such a count.
    static func sensitiveBlocks(_ counts: [Int], totals: [Int], columns: [ReportColumn], minimum: Int) -> Set<Int> {
        func small(_ n: Int) -> Bool { n > 0 && n < minimum }
        return Set(columns.filter { column in
            let (part, whole, remainderShown) = column.parts(counts)
            return small(part) || small(whole) || remainderShown && small(whole - part)
        }.map(\.block))
    }

    /// The partner withheld with a lone withheld group is the one that costs the least to hide.
    static func weight(_ counts: [Int], block: Int, columns: [ReportColumn]) -> Int {
        columns.filter { $0.block == block }.map { $0.parts(counts).whole }.max() ?? 0
    }
}
