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
        let withheld = withheld(
            rows: rows.map { $0.map(Optional.some) }, totals: counts.totals.map(Optional.some), columns: columns, relations: relations,
            minimum: minimum)
        return render(title: title, rowHeader: counts.rowHeader, measures: counts.measures, labels: labels, rows: rows,
                      totals: counts.totals, withheld: withheld, columns: columns, relations: relations, notes: notes)
    }

    /// A cut and a coarser cut of the same people (nationalities and their regions), withheld as
    /// one pattern: a region less its published nationalities gives back no withheld nationality,
    /// and each report publishes its own rows of the same pattern whichever is asked for.
    public static func nestedTables(
        titles: (fine: String, coarse: String), counts: GroupedCounts, coarseHeader: String, coarseOf: (String) -> String,
        columns: [ReportColumn], relations: [RowRelation] = [], minimum: Int, notes: [String] = []
    ) -> (fine: ReportTable, coarse: ReportTable) {
        let labels = counts.groups.keys.sorted()
        let rows = labels.map { counts.groups[$0]! }
        let nested = Nesting(labels: labels, coarseOf: coarseOf)
        let coarseRows = nested.members.map { parts in parts.reduce(Array(repeating: 0, count: counts.measures.count)) { zip($0, rows[$1]).map(+) } }
        let withheld = nested.withheld(rows: rows.map { $0.map(Optional.some) }, totals: counts.totals.map(Optional.some),
                                       columns: columns, relations: relations, minimum: minimum)
        return (
            render(title: titles.fine, rowHeader: counts.rowHeader, measures: counts.measures, labels: labels, rows: rows,
                   totals: counts.totals, withheld: withheld.fine, columns: columns, relations: relations, notes: notes),
            render(title: titles.coarse, rowHeader: coarseHeader, measures: counts.measures, labels: nested.coarseLabels, rows: coarseRows,
                   totals: counts.totals, withheld: withheld.coarse, columns: columns, relations: relations, notes: notes,
                   rowParts: Dictionary(uniqueKeysWithValues: zip(nested.coarseLabels, nested.members.map { $0.map { labels[$0] } }))))
    }

    /// The finer groups (in label order) of each coarser one, and suppression over both at once.
    struct Nesting {
        let coarseLabels: [String]
        let members: [[Int]]

        init(labels: [String], coarseOf: (String) -> String) {
            coarseLabels = Set(labels.map(coarseOf)).sorted()
            members = coarseLabels.map { coarse in labels.indices.filter { coarseOf(labels[$0]) == coarse } }
        }

        func withheld(rows: [[Int?]], totals: [Int?], columns: [ReportColumn], relations: [RowRelation], minimum: Int)
            -> (fine: Withheld, coarse: Withheld) {
            let coarseRows = members.map { parts in
                parts.reduce(totals.map { _ in Optional(0) }) { sum, row in zip(sum, rows[row]).map { a, b in a.flatMap { a in b.map { a + $0 } } } }
            }
            let all = Suppression.withheld(
                rows: rows + coarseRows, totals: totals, columns: columns, relations: relations, minimum: minimum,
                aggregates: Dictionary(uniqueKeysWithValues: members.enumerated().map { (rows.count + $0, $1) }))
            return (Withheld(rows: Array(all.rows[..<rows.count]), total: all.total),
                    Withheld(rows: Array(all.rows[rows.count...]), total: all.total))
        }
    }

    private static func render(
        title: String, rowHeader: String, measures: [String], labels: [String], rows: [[Int]], totals: [Int], withheld: Withheld,
        columns: [ReportColumn], relations: [RowRelation], notes: [String], rowParts: [String: [String]] = [:]
    ) -> ReportTable {
        func cells(_ counts: [Int], hiding: Set<Int>) -> [ReportTable.Cell] {
            columns.map { hiding.contains($0.block) ? .suppressed : $0.cell(counts, totals: totals) }
        }
        return ReportTable(
            title: title, rowHeader: rowHeader, columns: columns.map(\.title),
            rows: labels.indices.map { ReportTable.Row(label: labels[$0], cells: cells(rows[$0], hiding: withheld.rows[$0])) },
            total: ReportTable.Row(label: "Total", cells: cells(totals, hiding: withheld.total)), notes: notes,
            layout: ReportLayout(measures: measures, columns: columns, relations: relations, rowParts: rowParts))
    }

    /// The counts as they may leave the city: a count is `nil` wherever a withheld block is
    /// built from it (unless a published column shows it as it is), so the raw counts cannot
    /// give back what the table withholds.
    /// With `coarseOf`, the groups are withheld as in `nestedTables`, so the coarser report the
    /// city publishes gives back nothing this table withholds.
    public static func countTable(
        _ counts: CountTable, columns: [ReportColumn], relations: [RowRelation] = [], minimum: Int,
        coarseOf: ((String) -> String)? = nil
    ) -> CountTable {
        let rows = counts.rows.map(\.counts)
        let withheld = coarseOf.map {
            Nesting(labels: counts.rows.map(\.group), coarseOf: $0)
                .withheld(rows: rows, totals: counts.total, columns: columns, relations: relations, minimum: minimum).fine
        } ?? withheld(rows: rows, totals: counts.total, columns: columns, relations: relations, minimum: minimum)
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
    /// `aggregates` are groups that are sums of others (row → its parts, a region of its
    /// nationalities), placed after them; only the groups before them add up to the total.
    public static func withheld(
        rows: [[Int?]], totals: [Int?], columns: [ReportColumn], relations: [RowRelation] = [], minimum: Int,
        aggregates: [Int: [Int]] = [:]
    ) -> Withheld {
        let all = rows + [totals]
        let secrets = all.map { counts in
            columns.reduce(into: [Int: [[[Int: Int]]]]()) { byBlock, column in
                let found = column.secrets(counts, minimum: minimum) ?? column.measures.filter { counts[$0] == nil }.map { [$0: 1] }
                if !found.isEmpty { byBlock[column.block, default: []] += found.map { [$0] } }
            }
        }
        var audit = DisclosureAudit(counts: all, columns: columns, relations: relations, aggregates: aggregates, secrets: secrets)
        let rowSums = columns.filter { $0.differenceForm != nil }.map(\.measures) + relations.map { [$0.whole] + $0.parts }
        let linked = linkedBlocks(columns: columns, ties: columns.map(\.measures) + rowSums)
        let summed = linkedBlocks(columns: columns, ties: rowSums)
        var hidden = secrets.map { Set($0.keys) }
        // The groups of rows that add up to another row: every group that is not a sum to the
        // total; the sums (regions) to the total too; each sum to its parts.
        let partition = aggregates.keys.min() ?? rows.count
        let columnSums = [Array(0..<partition) + [rows.count]] + (aggregates.isEmpty ? [] : [aggregates.keys.sorted() + [rows.count]])
            + aggregates.sorted { $0.key < $1.key }.map { [$0.key] + $0.value }
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
                for group in columnSums {
                    let members = group.filter { $0 < rows.count }
                    guard members.filter({ hidden[$0].contains(block) }).count == 1,
                          let partner = visible(members.map { (row: $0, block: block) }).first(where: { weight($0) > 0 }) else { continue }
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
            let sameBlock = visible(Set(columnSums.filter { $0.contains(leak.row) }.joined()).subtracting([leak.row, rows.count])
                .map { (row: $0, block: leak.block) })
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
