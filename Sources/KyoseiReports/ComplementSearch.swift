/// How suppression finds the cells to withhold beside the small ones, in three passes: the usual
/// pattern without solving anything; then, while the attacker in `DisclosureAudit` still works a
/// withheld figure out, one more cell at a time, the one that costs least to hide among those
/// tied to it (the same figure of another group, or a figure of the same group sharing a count
/// with it), preferring one that closes the gap; then publishing again any partner the rest
/// turned out not to need. The total is the partner of last resort, because another cut of the
/// same people publishes it too.
struct ComplementSearch {
    typealias Cell = (row: Int, block: Int)

    /// Per row (groups, then the total): the blocks withheld.
    private(set) var hidden: [Set<Int>]
    private var audit: DisclosureAudit
    private let all: [[Int?]]
    private let columns: [ReportColumn]
    private let groupCount: Int
    /// Blocks tied to a block within a group: by any shared count, and by a sum only.
    private let linked: [Int: [Int]]
    private let summed: [Int: [Int]]
    /// The rows that add up to another row: the groups that are not sums (with the total); the
    /// sums (regions) with the total; each sum with its parts.
    private let columnSums: [[Int]]
    private var partners: [Cell] = []
    /// Leaks no partner is left to close (every tied cell withheld already), and figures earlier
    /// tables give away whatever this one withholds.
    private var hopeless: [Cell] = []
    /// For each row of an earlier table: this table's rows in a sum with it.
    private let tiedToEarlier: [Int: [Int]]

    init(rows: [[Int?]], totals: [Int?], columns: [ReportColumn], relations: [RowRelation], minimum: Int, aggregates: [Int: [Int]],
         context: PublishedContext = .none) {
        all = rows + [totals]
        self.columns = columns
        groupCount = rows.count
        let secrets = all.map { counts in
            columns.reduce(into: [Int: [[[Int: Int]]]]()) { byBlock, column in
                let found = column.secrets(counts, minimum: minimum) ?? column.measures.filter { counts[$0] == nil }.map { [$0: 1] }
                if !found.isEmpty { byBlock[column.block, default: []] += found.map { [$0] } }
            }
        }
        audit = DisclosureAudit(counts: all, columns: columns, relations: relations, aggregates: aggregates, secrets: secrets,
                                context: context)
        hidden = secrets.map { Set($0.keys) }
        let own = all.count
        tiedToEarlier = context.sums.reduce(into: [:]) { tied, sum in
            let mine = sum.keys.filter { $0 < own }
            for row in sum.keys where row >= own { tied[row, default: []] += mine }
        }
        if !context.rows.isEmpty {
            let everything = Set(columns.map(\.block))
            hopeless = audit.exposed(hidden: all.map { _ in everything })
        }
        let rowSums = columns.filter { $0.differenceForm != nil }.map(\.measures) + relations.map { [$0.whole] + $0.parts }
        linked = Self.linkedBlocks(columns: columns, ties: columns.map(\.measures) + rowSums)
        summed = Self.linkedBlocks(columns: columns, ties: rowSums)
        let partition = aggregates.keys.min() ?? rows.count
        columnSums = [Array(0..<partition) + [rows.count]] + (aggregates.isEmpty ? [] : [aggregates.keys.sorted() + [rows.count]])
            + aggregates.sorted { $0.key < $1.key }.map { [$0.key] + $0.value }
    }

    /// The usual pattern, without solving anything: a block withheld in one group alone of those
    /// adding up to a row takes the smallest other's with it, and a figure withheld alone among
    /// those summed with it in its group takes the smallest of them.
    mutating func settleUsualPattern() {
        var settled = false
        while !settled {
            settled = true
            for block in linked.keys.sorted() {
                for group in columnSums {
                    let members = group.filter { $0 < groupCount }
                    guard members.filter({ hidden[$0].contains(block) }).count == 1,
                          let partner = visible(members.map { (row: $0, block: block) }).first(where: { weight($0) > 0 }) else { continue }
                    withhold(partner)
                    settled = false
                }
            }
            for row in all.indices {
                for block in hidden[row] where summed[block, default: []].allSatisfy({ !hidden[row].contains($0) }) {
                    if let partner = visible(summed[block, default: []].map { (row: row, block: $0) }).first(where: { weight($0) > 0 }) {
                        withhold(partner)
                        settled = false
                    }
                }
            }
        }
    }

    /// One more partner while the attacker still works a withheld figure out.
    mutating func closeLeaks() {
        while let leak = audit.exposed(hidden: hidden).first(where: { cell in !hopeless.contains { $0 == cell } }) {
            guard leak.row < all.count else {
                closeEarlierLeak(leak)
                continue
            }
            let sameBlock = visible(Set(columnSums.filter { $0.contains(leak.row) }.joined()).subtracting([leak.row, groupCount])
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
            let total = (row: groupCount, block: leak.block)
            if let partner = closing ?? candidates.first ?? visible([total]).first ?? (sameBlock + sameRow).first {
                withhold(partner)
                continue
            }
            // Nothing tied to it is left to withhold: fail closed, withholding its block and
            // every block tied to it in every group, before giving up on it.
            let everywhere = visible(all.indices.flatMap { row in ([leak.block] + linked[leak.block, default: []]).map { (row: row, block: $0) } })
            if everywhere.isEmpty { hopeless.append(leak) }
            for cell in everywhere { withhold(cell) }
        }
    }

    /// A figure an earlier table withheld that this one would give back: withhold, in the rows
    /// of this table summed with that row, a block built on what it is made of, one that closes
    /// the gap if there is one; failing that, every such block in every row.
    private mutating func closeEarlierLeak(_ leak: Cell) {
        let secret = audit.context.rows[leak.row - all.count].withheld[leak.block]
        let measures = Set(secret.flatMap(\.keys))
        let blocks = Set(columns.filter { !measures.isDisjoint(with: $0.measures) }.map(\.block)).sorted()
        let tied = visible(Set(tiedToEarlier[leak.row, default: []]).flatMap { row in blocks.map { (row: row, block: $0) } })
        let closing = tied.prefix(6).first { candidate in
            var trial = hidden
            trial[candidate.row].insert(candidate.block)
            return !audit.exposed(hidden: trial).contains { $0 == leak }
        }
        if let partner = closing ?? tied.first {
            withhold(partner)
            return
        }
        let everywhere = visible(all.indices.flatMap { row in blocks.map { (row: row, block: $0) } })
        if everywhere.isEmpty { hopeless.append(leak) }
        for cell in everywhere { withhold(cell) }
    }

    /// Greedy choices overshoot: publish again any partner the rest no longer needs, with the
    /// partners that were only there to cover for it.
    mutating func publishUnneededPartners() {
        for partner in partners.sorted(by: { weight($0) > weight($1) }) where hidden[partner.row].contains(partner.block) {
            var trial = hidden
            trial[partner.row].remove(partner.block)
            while true {
                let exposed = audit.exposed(hidden: trial).filter { cell in !hopeless.contains { $0 == cell } }
                if exposed.isEmpty {
                    hidden = trial
                    break
                }
                guard exposed.allSatisfy(isWithheldPartner) else { break }
                for cell in exposed { trial[cell.row].remove(cell.block) }
            }
        }
    }

    /// A partner's own figures must not come back either, small or not.
    private mutating func withhold(_ cell: Cell) {
        hidden[cell.row].insert(cell.block)
        audit.secrets[cell.row][cell.block, default: []] += columns.filter { $0.block == cell.block }.map(\.published)
        partners.append(cell)
    }

    private func isWithheldPartner(_ cell: Cell) -> Bool {
        partners.contains { $0 == cell } && hidden[cell.row].contains(cell.block)
    }

    /// What hiding a cell costs: the largest count it is built from.
    private func weight(_ cell: Cell) -> Int {
        columns.filter { $0.block == cell.block }.flatMap(\.measures).map { all[cell.row][$0] ?? 0 }.max() ?? 0
    }

    /// The cells not withheld, cheapest first.
    private func visible(_ cells: [Cell]) -> [Cell] {
        cells.filter { !hidden[$0.row].contains($0.block) }.sorted { (weight($0), $0.row) < (weight($1), $1.row) }
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
