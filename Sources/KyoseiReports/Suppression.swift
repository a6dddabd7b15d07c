/// The one suppression step every report goes through: grouped counts in, a table with small
/// figures withheld out. A block of a group is withheld when any count it is built from (or the
/// remainder a share implies) is under the minimum, or is not known (withheld upstream); where
/// that leaves a single withheld group in a block, the smallest other group is withheld with it,
/// or the total when there is none, so no withheld figure can be recomputed by subtracting the
/// published ones from the total.
public enum Suppression {
    /// Which blocks are withheld, group by group (in the order given) and for the total.
    public struct Withheld: Sendable, Equatable {
        public var rows: [Set<Int>]
        public var total: Set<Int>
    }

    public static func table(
        title: String, counts: GroupedCounts, columns: [ReportColumn], minimum: Int, notes: [String] = []
    ) -> ReportTable {
        let labels = counts.groups.keys.sorted()
        let rows = labels.map { counts.groups[$0]! }
        let totals = counts.totals
        let withheld = withheld(rows: rows.map { $0.map(Optional.some) }, totals: totals.map(Optional.some), columns: columns, minimum: minimum)
        func cells(_ counts: [Int], hiding: Set<Int>) -> [ReportTable.Cell] {
            columns.map { hiding.contains($0.block) ? .suppressed : $0.cell(counts, totals: totals) }
        }
        return ReportTable(
            title: title, rowHeader: counts.rowHeader, columns: columns.map(\.title),
            rows: labels.indices.map { ReportTable.Row(label: labels[$0], cells: cells(rows[$0], hiding: withheld.rows[$0])) },
            total: ReportTable.Row(label: "Total", cells: cells(totals, hiding: withheld.total)), notes: notes)
    }

    /// The counts as they may leave the city: a count is `nil` wherever a withheld block is
    /// built from it, so the raw counts cannot give back what the table withholds.
    public static func countTable(_ counts: CountTable, columns: [ReportColumn], minimum: Int) -> CountTable {
        let withheld = withheld(rows: counts.rows.map(\.counts), totals: counts.total, columns: columns, minimum: minimum)
        func masked(_ values: [Int?], hiding: Set<Int>) -> [Int?] {
            let hidden = Set(columns.filter { hiding.contains($0.block) }.flatMap(\.measures))
            return values.indices.map { hidden.contains($0) ? nil : values[$0] }
        }
        var out = counts
        out.rows = counts.rows.indices.map { CountTable.Row(group: counts.rows[$0].group, counts: masked(counts.rows[$0].counts, hiding: withheld.rows[$0])) }
        out.total = masked(counts.total, hiding: withheld.total)
        return out
    }

    /// The blocks to withhold. A `nil` count is one not known here (withheld by a city before a
    /// merge): its blocks are withheld, and it is never chosen as the partner of another.
    public static func withheld(rows: [[Int?]], totals: [Int?], columns: [ReportColumn], minimum: Int) -> Withheld {
        let blocks = Array(Set(columns.map(\.block))).sorted()
        var hidden = rows.map { sensitiveBlocks($0, columns: columns, minimum: minimum) }
        var hiddenTotal = sensitiveBlocks(totals, columns: columns, minimum: minimum)
        for block in blocks {
            guard rows.indices.filter({ hidden[$0].contains(block) }).count == 1 else { continue }
            let partner = rows.indices
                .filter { !hidden[$0].contains(block) && weight(rows[$0], block: block, columns: columns) > 0 }
                .min { weight(rows[$0], block: block, columns: columns) < weight(rows[$1], block: block, columns: columns) }
            if let partner { hidden[partner].insert(block) } else { hiddenTotal.insert(block) }
        }
        return Withheld(rows: hidden, total: hiddenTotal)
    }

    /// A count under the minimum (but not zero) could point at someone; so could a share whose
    /// part, whole or remainder is such a count; an unknown count could be either.
    static func sensitiveBlocks(_ counts: [Int?], columns: [ReportColumn], minimum: Int) -> Set<Int> {
        func small(_ n: Int) -> Bool { n > 0 && n < minimum }
        return Set(columns.filter { column in
            guard let (part, whole, remainderShown) = column.parts(counts) else { return true }
            return small(part) || small(whole) || remainderShown && small(whole - part)
        }.map(\.block))
    }

    /// The partner withheld with a lone withheld group is the one that costs the least to hide.
    static func weight(_ counts: [Int?], block: Int, columns: [ReportColumn]) -> Int {
        columns.filter { $0.block == block }.compactMap { $0.parts(counts)?.whole }.max() ?? 0
    }
}
