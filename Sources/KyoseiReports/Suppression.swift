/// The one suppression step every report goes through: grouped counts in, a table with small
/// figures withheld out. A block of a group is withheld when a count it is built from (or the
/// remainder a share implies) is under the minimum, or is not known (withheld upstream); then
/// more blocks are withheld until no withheld figure can be worked out from the rest of the table:
/// its row, column and grand totals, its shares, differences and row relations.
public enum Suppression {
    /// Which blocks are withheld, group by group (in the order given) and for the total.
    public struct Withheld: Sendable, Equatable {
        public var rows: [Set<Int>]
        public var total: Set<Int>
    }

    public static func table(
        title: String, counts: GroupedCounts, columns: [ReportColumn], relations: [RowRelation] = [], minimum: Int,
        notes: [String] = []
    ) -> ReportTable {
        let labels = counts.groups.keys.sorted()
        let rows = labels.map { counts.groups[$0]! }
        let totals = counts.totals
        let withheld = withheld(
            rows: rows.map { $0.map(Optional.some) }, totals: totals.map(Optional.some), columns: columns, relations: relations,
            minimum: minimum)
        func cells(_ counts: [Int], hiding: Set<Int>) -> [ReportTable.Cell] {
            columns.map { hiding.contains($0.block) ? .suppressed : $0.cell(counts, totals: totals) }
        }
        return ReportTable(
            title: title, rowHeader: counts.rowHeader, columns: columns.map(\.title),
            rows: labels.indices.map { ReportTable.Row(label: labels[$0], cells: cells(rows[$0], hiding: withheld.rows[$0])) },
            total: ReportTable.Row(label: "Total", cells: cells(totals, hiding: withheld.total)), notes: notes,
            layout: ReportLayout(measures: counts.measures, columns: columns, relations: relations))
    }

    /// The counts as they may leave the city: a count is `nil` wherever a withheld block is
    /// built from it (unless a published column shows it as it is), so the raw counts cannot
    /// give back what the table withholds.
    public static func countTable(
        _ counts: CountTable, columns: [ReportColumn], relations: [RowRelation] = [], minimum: Int
    ) -> CountTable {
        let withheld = withheld(rows: counts.rows.map(\.counts), totals: counts.total, columns: columns, relations: relations, minimum: minimum)
        func masked(_ values: [Int?], hiding: Set<Int>) -> [Int?] {
            // A count the table shows as it is stays, though a withheld share is built on it too:
            // the report of the same period publishes it.
            let shown = Set(columns.filter { !hiding.contains($0.block) }.compactMap { column -> Int? in
                if case .count(let m) = column.value { m } else { nil }
            })
            let hidden = Set(columns.filter { hiding.contains($0.block) }.flatMap(\.measures)).subtracting(shown)
            return values.indices.map { hidden.contains($0) ? nil : values[$0] }
        }
        var out = counts
        out.rows = counts.rows.indices.map { CountTable.Row(group: counts.rows[$0].group, counts: masked(counts.rows[$0].counts, hiding: withheld.rows[$0])) }
        out.total = masked(counts.total, hiding: withheld.total)
        return out
    }

    /// The blocks to withhold: every block with a secret (a small count, share part, whole or
    /// remainder, or a count not known here), then, while the attacker in `DisclosureAudit` can
    /// still work one out from what is left, one more block at a time: the one that costs least
    /// to hide among those tied to it (the same block of another group, or a block of the same
    /// group sharing a count with it), preferring one that closes the gap. The total is the
    /// partner of last resort, because another cut of the same people publishes it too.
    public static func withheld(
        rows: [[Int?]], totals: [Int?], columns: [ReportColumn], relations: [RowRelation] = [], minimum: Int
    ) -> Withheld {
        let all = rows + [totals]
        let secrets = all.map { counts in
            columns.reduce(into: [Int: [[[Int: Int]]]]()) { byBlock, column in
                let found = column.secrets(counts, minimum: minimum) ?? column.measures.filter { counts[$0] == nil }.map { [$0: 1] }
                if !found.isEmpty { byBlock[column.block, default: []] += found.map { [$0] } }
            }
        }
        var audit = DisclosureAudit(counts: all, columns: columns, relations: relations, secrets: secrets)
        let sums = columns.filter { $0.differenceForm != nil }.map(\.measures) + relations.map { [$0.whole] + $0.parts }
        let linked = linkedBlocks(columns: columns, ties: columns.map(\.measures) + sums)
        let summed = linkedBlocks(columns: columns, ties: sums)
        var hidden = secrets.map { Set($0.keys) }
        var hopeless: [(row: Int, block: Int)] = []
        var partners: [(row: Int, block: Int)] = []
        func weight(_ cell: (row: Int, block: Int)) -> Int {
            columns.filter { $0.block == cell.block }.flatMap(\.measures).map { all[cell.row][$0] ?? 0 }.max() ?? 0
        }
        func visible(_ cells: [(row: Int, block: Int)]) -> [(row: Int, block: Int)] {
            cells.filter { !hidden[$0.row].contains($0.block) }.sorted { (weight($0), $0.row) < (weight($1), $1.row) }
        }
        // The usual pattern first, without solving anything: a block withheld in one group alone
        // takes the smallest other group's with it, and a figure withheld alone among those tied
        // to it in its group takes the smallest of them.
        var settled = false
        while !settled {
            settled = true
            for block in linked.keys.sorted() {
                let withheld = rows.indices.filter { hidden[$0].contains(block) }
                if withheld.count == 1, let partner = visible(rows.indices.map { (row: $0, block: block) }).first(where: { weight($0) > 0 }) {
                    hidden[partner.row].insert(partner.block)
                    partners.append(partner)
                    settled = false
                }
            }
            for row in all.indices {
                for block in hidden[row] where summed[block, default: []].allSatisfy({ !hidden[row].contains($0) }) {
                    if let partner = visible(summed[block, default: []].map { (row: row, block: $0) }).first(where: { weight($0) > 0 }) {
                        hidden[row].insert(partner.block)
                        partners.append(partner)
                        settled = false
                    }
                }
            }
        }
        for row in all.indices {
            for block in hidden[row] where secrets[row][block] == nil {
                audit.secrets[row][block] = columns.filter { $0.block == block }.map(\.published)
            }
        }
        while let leak = audit.exposed(hidden: hidden).first(where: { cell in !hopeless.contains { $0 == cell } }) {
            let sameBlock = visible(rows.indices.map { (row: $0, block: leak.block) })
            let sameRow = visible(linked[leak.block, default: []].map { (row: leak.row, block: $0) })
            let candidates = (sameBlock + sameRow).filter { weight($0) > 0 }
            let tried = (sameBlock.filter { weight($0) > 0 }.prefix(3) + sameRow.filter { weight($0) > 0 }.prefix(3))
                .sorted { (weight($0), $0.row, $0.block) < (weight($1), $1.row, $1.block) }
            let closing = tried.first { candidate in
                var trial = hidden
                trial[candidate.row].insert(candidate.block)
                return !audit.exposed(hidden: trial).contains { $0 == leak }
            }
            let total = (row: rows.count, block: leak.block)
            guard let partner = closing ?? candidates.first ?? visible([total]).first ?? (sameBlock + sameRow).first else {
                hopeless.append(leak)
                continue
            }
            hidden[partner.row].insert(partner.block)
            audit.secrets[partner.row][partner.block, default: []] += columns.filter { $0.block == partner.block }.map(\.published)
            partners.append(partner)
        }
        // Greedy choices overshoot: publish again any partner the rest no longer needs, with the
        // partners that were only there to cover for it.
        func isPartner(_ cell: (row: Int, block: Int)) -> Bool { partners.contains { $0 == cell } && hidden[cell.row].contains(cell.block) }
        for partner in partners.sorted(by: { weight($0) > weight($1) }) where hidden[partner.row].contains(partner.block) {
            var trial = hidden
            trial[partner.row].remove(partner.block)
            while true {
                let exposed = audit.exposed(hidden: trial).filter { cell in !hopeless.contains { $0 == cell } }
                if exposed.isEmpty {
                    hidden = trial
                    break
                }
                guard exposed.allSatisfy(isPartner) else { break }
                for cell in exposed { trial[cell.row].remove(cell.block) }
            }
        }
        return Withheld(rows: Array(hidden.dropLast()), total: hidden[rows.count])
    }

    /// Blocks of one group tied together through the measures of each tie (a share, a
    /// difference, a row relation), directly or through other ties.
    static func linkedBlocks(columns: [ReportColumn], ties: [[Int]]) -> [Int: [Int]] {
        var component = Dictionary(uniqueKeysWithValues: Set(columns.flatMap(\.measures) + ties.joined()).map { ($0, $0) })
        func root(_ m: Int) -> Int { component[m] == m ? m : root(component[m]!) }
        for tie in ties {
            for m in tie.dropFirst() { component[root(m)] = root(tie[0]) }
        }
        let blocks = Set(columns.map(\.block))
        func roots(_ block: Int) -> Set<Int> { Set(columns.filter { $0.block == block }.flatMap(\.measures).map(root)) }
        return Dictionary(uniqueKeysWithValues: blocks.map { block in
            (block, blocks.filter { $0 != block && !roots($0).isDisjoint(with: roots(block)) }.sorted())
        })
    }
}
