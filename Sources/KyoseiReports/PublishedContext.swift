import KyoseiDomain

/// What earlier tables published about the people a new table counts, as the attacker in
/// `DisclosureAudit` holds it: their rows, and the sums that tie rows of different tables.
///
/// The days the tables count are split into spans that no table's first or last day cuts (a
/// quarter's three months, once a month and its quarter are published). Each group of a table is
/// that group's sum over the table's spans, and every cut of the same people has the same total
/// over a span. A span that is exactly one table's days is counted by that table's own rows
/// (the new table's first), so a withheld figure of an earlier month is tied directly to the new
/// quarter that would give it back, and the new table withholds a partner for it.
public struct PublishedContext: Sendable {
    /// Rows after the new table's groups and total: the earlier tables' rows, then a row for each
    /// group of each span no table counts alone (never published: unknowns to the attacker).
    var rows: [PublishedTable.Row] = []
    /// Sums that hold for every measure, as row → coefficient adding up to zero.
    var sums: [[Int: Int]] = []

    public static let none = PublishedContext()

    private init() {}

    /// The context of a new table of `cut` over `first`…`last` with these group labels (then
    /// `aggregateRows` sums of them, then its total), given the tables published before it.
    /// `unpublished` gives, for a cut over days no table counts alone, what each group's row
    /// (nil: the total's) must keep unknown there.
    init(cut: String, first: LocalDate, last: LocalDate, labels: [String], aggregateRows: Int, earlier: [PublishedTable],
         unpublished: (_ cut: String, _ first: LocalDate, _ last: LocalDate) -> (String?) -> [[[Int: Int]]]) {
        let newRows = labels.count + aggregateRows + 1
        let tables = [(cut: cut, first: first.dayNumber, end: last.dayNumber + 1, labels: labels)]
            + earlier.map { (cut: $0.cut, first: $0.first.dayNumber, end: $0.last.dayNumber + 1, labels: $0.labels) }
        let base = [0] + earlier.indices.map { newRows + earlier[..<$0].reduce(0) { $0 + $1.rows.count } }
        rows = earlier.flatMap(\.rows)
        /// A table's row for a label (nil: its total), if the table has that group.
        func row(_ t: Int, _ label: String?) -> Int? {
            guard let label else { return t == 0 ? newRows - 1 : base[t] + tables[t].labels.count }
            return tables[t].labels.firstIndex(of: label).map { base[t] + $0 }
        }
        let bounds = Set(tables.flatMap { [$0.first, $0.end] }).sorted()
        let spans = zip(bounds, bounds.dropFirst()).filter { span in tables.contains { $0.first <= span.0 && span.1 <= $0.end } }
        func spansOf(_ t: Int) -> [Int] { spans.indices.filter { tables[t].first <= spans[$0].0 && spans[$0].1 <= tables[t].end } }

        var totals: [Int: [Int]] = [:]  // span → each cut's total row over it
        for cut in Set(tables.map(\.cut)).sorted() {
            let members = tables.indices.filter { tables[$0].cut == cut }
            let groups = Set(members.flatMap { tables[$0].labels }).sorted().map(Optional.some) + [nil]
            var spanRows: [Int: [String?: Int]] = [:]
            var owners: Set<Int> = []
            for span in Set(members.flatMap(spansOf)).sorted() {
                let owner = members.first { spansOf($0) == [span] }
                if let owner { owners.insert(owner) }
                let secrets = owner == nil
                    ? unpublished(cut, LocalDate(dayNumber: spans[span].0), LocalDate(dayNumber: spans[span].1 - 1)) : { _ in [] }
                var byGroup: [String?: Int] = [:]
                for group in groups {
                    if let owner, let r = row(owner, group) {
                        byGroup[group] = r
                    } else {
                        rows.append(PublishedTable.Row(label: group ?? "Total", figures: [], withheld: secrets(group)))
                        byGroup[group] = newRows + rows.count - 1
                    }
                }
                spanRows[span] = byGroup
                totals[span, default: []].append(byGroup[nil]!)
                sums.append(groups.dropLast().reduce(into: [byGroup[nil]!: 1]) { $0[byGroup[$1]!] = -1 })
            }
            for t in members where !owners.contains(t) {
                for group in groups {
                    var terms = row(t, group).map { [$0: 1] } ?? [:]
                    for span in spansOf(t) { terms[spanRows[span]![group]!, default: 0] -= 1 }
                    sums.append(terms)
                }
            }
            for t in members where t > 0 {
                sums.append(tables[t].labels.reduce(into: [row(t, nil)!: 1]) { $0[row(t, $1)!] = -1 })
            }
        }
        for shared in totals.values {
            for other in shared.dropFirst() { sums.append([shared[0]: 1, other: -1]) }
        }
    }
}
