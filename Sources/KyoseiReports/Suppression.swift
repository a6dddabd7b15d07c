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

    /// `earlier` are the tables published before this one that count some of the same people:
    /// none of their withheld figures may come back either.
    public static func table(
        title: String, counts: GroupedCounts, columns: [ReportColumn], relations: [RowRelation] = [], minimum: Int,
        notes: [String] = [], earlier: EarlierTables = .none
    ) -> ReportTable {
        let labels = counts.groups.keys.sorted()
        let rows = labels.map { counts.groups[$0]! }
        let withheld = withheld(
            rows: rows.map { $0.map(Optional.some) }, totals: counts.totals.map(Optional.some), columns: columns, relations: relations,
            minimum: minimum, context: earlier.context(labels: labels, measures: counts.measures, columns: columns, minimum: minimum))
        return render(title: title, rowHeader: counts.rowHeader, measures: counts.measures, labels: labels, rows: rows,
                      totals: counts.totals, withheld: withheld, columns: columns, relations: relations, notes: notes)
    }

    /// A cut and a coarser cut of the same people (nationalities and their regions), withheld as
    /// one pattern: a region less its published nationalities gives back no withheld nationality,
    /// and each report publishes its own rows of the same pattern whichever is asked for.
    public static func nestedTables(
        titles: (fine: String, coarse: String), counts: GroupedCounts, coarseHeader: String, coarseOf: (String) -> String,
        columns: [ReportColumn], relations: [RowRelation] = [], minimum: Int, notes: [String] = [], earlier: EarlierTables = .none
    ) -> (fine: ReportTable, coarse: ReportTable) {
        let labels = counts.groups.keys.sorted()
        let rows = labels.map { counts.groups[$0]! }
        let nested = Nesting(labels: labels, coarseOf: coarseOf)
        let coarseRows = nested.members.map { parts in parts.reduce(Array(repeating: 0, count: counts.measures.count)) { zip($0, rows[$1]).map(+) } }
        let withheld = nested.withheld(rows: rows.map { $0.map(Optional.some) }, totals: counts.totals.map(Optional.some),
                                       columns: columns, relations: relations, minimum: minimum,
                                       context: earlier.context(labels: labels, measures: counts.measures, columns: columns, minimum: minimum,
                                                                aggregateRows: nested.coarseLabels.count))
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

        func withheld(rows: [[Int?]], totals: [Int?], columns: [ReportColumn], relations: [RowRelation], minimum: Int,
                      context: PublishedContext = .none) -> (fine: Withheld, coarse: Withheld) {
            let coarseRows = members.map { parts in
                parts.reduce(totals.map { _ in Optional(0) }) { sum, row in zip(sum, rows[row]).map { a, b in a.flatMap { a in b.map { a + $0 } } } }
            }
            let all = Suppression.withheld(
                rows: rows + coarseRows, totals: totals, columns: columns, relations: relations, minimum: minimum,
                aggregates: Dictionary(uniqueKeysWithValues: members.enumerated().map { (rows.count + $0, $1) }), context: context)
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
            layout: ReportLayout(measures: measures, columns: columns, relations: relations, rowParts: rowParts),
            published: PublishedTable.rows(labels: labels, counts: rows, totals: totals, withheld: withheld, columns: columns))
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
        publishedCountTable(counts, columns: columns, relations: relations, minimum: minimum, coarseOf: coarseOf).table
    }

    /// `countTable`, suppressed against the tables published before it, with the rows the city
    /// keeps of it as published: every count it sends, and the figures it withholds.
    public static func publishedCountTable(
        _ counts: CountTable, columns: [ReportColumn], relations: [RowRelation] = [], minimum: Int,
        coarseOf: ((String) -> String)? = nil, earlier: EarlierTables = .none
    ) -> (table: CountTable, published: [PublishedTable.Row]) {
        let rows = counts.rows.map(\.counts)
        let labels = counts.rows.map(\.group)
        let withheld = coarseOf.map {
            let nesting = Nesting(labels: labels, coarseOf: $0)
            return nesting.withheld(
                rows: rows, totals: counts.total, columns: columns, relations: relations, minimum: minimum,
                context: earlier.context(labels: labels, measures: counts.measures, columns: columns, minimum: minimum,
                                         aggregateRows: nesting.coarseLabels.count)).fine
        } ?? withheld(rows: rows, totals: counts.total, columns: columns, relations: relations, minimum: minimum,
                      context: earlier.context(labels: labels, measures: counts.measures, columns: columns, minimum: minimum))
        func masked(_ values: [Int?], hiding: Set<Int>) -> [Int?] {
            // A count a published count or share is built from stays, though a withheld one is
            // built on it too: the audit took those to give their counts away (a difference
            // gives only itself).
            let shown = Set(columns.filter { !hiding.contains($0.block) && $0.differenceForm == nil }.flatMap(\.measures))
            // A count no column is built from is never published (it is there for the sums).
            let unpublished = Set(values.indices).subtracting(columns.flatMap(\.measures))
            let hidden = Set(columns.filter { hiding.contains($0.block) }.flatMap(\.measures)).subtracting(shown).union(unpublished)
            return values.indices.map { hidden.contains($0) ? nil : values[$0] }
        }
        var out = counts
        out.rows = counts.rows.indices.map { CountTable.Row(group: counts.rows[$0].group, counts: masked(counts.rows[$0].counts, hiding: withheld.rows[$0])) }
        out.total = masked(counts.total, hiding: withheld.total)
        let published = (out.rows.map(\.counts) + [out.total]).enumerated().map { index, values in
            let hiding = index < labels.count ? withheld.rows[index] : withheld.total
            return PublishedTable.Row(
                label: index < labels.count ? labels[index] : "Total",
                figures: values.indices.compactMap { m in values[m].map { PublishedTable.Figure(form: [m: 1], value: $0) } },
                withheld: columns.filter { hiding.contains($0.block) }.map(\.published))
        }
        return (out, published)
    }

    /// The blocks to withhold: every block with a secret (a small count, share part, whole or
    /// remainder, or a count not known here), then as many more as `ComplementSearch` needs so
    /// that the attacker in `DisclosureAudit` can work none of them out from what is left.
    /// `aggregates` are groups that are sums of others (row → its parts, a region of its
    /// nationalities), placed after them; only the groups before them add up to the total.
    /// `context` holds the tables published before this one about the same people: none of
    /// their withheld figures may come back either.
    public static func withheld(
        rows: [[Int?]], totals: [Int?], columns: [ReportColumn], relations: [RowRelation] = [], minimum: Int,
        aggregates: [Int: [Int]] = [:], context: PublishedContext = .none
    ) -> Withheld {
        var search = ComplementSearch(rows: rows, totals: totals, columns: columns, relations: relations, minimum: minimum,
                                      aggregates: aggregates, context: context)
        search.settleUsualPattern()
        search.closeLeaks()
        search.publishUnneededPartners()
        return Withheld(rows: Array(search.hidden.dropLast()), total: search.hidden[rows.count])
    }
}
