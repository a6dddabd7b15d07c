/// One published column of a report and how it is worked out from a group's counts. Columns in
/// the same block are withheld together: a share beside its own numerator and denominator would
/// otherwise give back what was withheld.
public struct ReportColumn: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        /// A measure as it is.
        case count(Int)
        /// One measure as a fraction of another in the same group.
        case share(Int, of: Int)
        /// A measure as a fraction of the same measure over every group.
        case shareOfTotal(Int)
        /// One measure less several others in the same group (a head-count less the people
        /// accounted for): a row total in disguise, so suppression must know what it is made of.
        case difference(Int, less: [Int])
    }

    public var title: String
    public var value: Value
    public var block: Int

    public init(_ title: String, _ value: Value, block: Int) {
        self.title = title
        self.value = value
        self.block = block
    }

    /// The measures the column is built from.
    var measures: [Int] {
        switch value {
        case .count(let m), .shareOfTotal(let m): [m]
        case .share(let n, let d): [n, d]
        case .difference(let m, let less): [m] + less
        }
    }

    /// What the cell would give away about few people, as sums of the group's measures (measure →
    /// coefficient): a count under the minimum (but not zero); for a share, its part, its whole or
    /// the remainder it implies; for a difference, the difference. `nil` when a count it is built
    /// from is not known here (withheld upstream), which is as sensitive as a small count.
    func secrets(_ counts: [Int?], minimum: Int) -> [[Int: Int]]? {
        func small(_ n: Int) -> Bool { n != 0 && abs(n) < minimum }
        switch value {
        case .count(let m), .shareOfTotal(let m):
            guard let n = counts[m] else { return nil }
            return small(n) ? [[m: 1]] : []
        case .share(let n, let d):
            guard let part = counts[n], let whole = counts[d] else { return nil }
            return (small(part) ? [[n: 1]] : []) + (small(whole) ? [[d: 1]] : []) + (small(whole - part) ? [[d: 1, n: -1]] : [])
        case .difference:
            let form = differenceForm!
            guard let value = evaluate(form, counts) else { return nil }
            return small(value) ? [form] : []
        }
    }

    /// What working out the cell takes: every one of these sums (a share needs its part and its
    /// whole). What a withheld partner must not give away, small or not.
    var published: [[Int: Int]] {
        switch value {
        case .count(let m), .shareOfTotal(let m): [[m: 1]]
        case .share(let n, let d): [[n: 1], [d: 1]]
        case .difference: [differenceForm!]
        }
    }

    /// The difference column's value as a sum of measures.
    var differenceForm: [Int: Int]? {
        guard case .difference(let m, let less) = value else { return nil }
        return less.reduce(into: [m: 1]) { $0[$1, default: 0] -= 1 }
    }

    func cell(_ counts: [Int], totals: [Int]) -> ReportTable.Cell {
        switch value {
        case .count(let m): return .count(counts[m])
        case .share(let n, let d): return counts[d] == 0 ? .empty : .share(Double(counts[n]) / Double(counts[d]))
        case .shareOfTotal(let m): return totals[m] == 0 ? .empty : .share(Double(counts[m]) / Double(totals[m]))
        case .difference: return .count(evaluate(differenceForm!, counts.map(Optional.some))!)
        }
    }
}

/// A sum of measures worked out for one group; `nil` if one of them is not known.
func evaluate(_ form: [Int: Int], _ counts: [Int?]) -> Int? {
    form.reduce(Optional(0)) { sum, term in sum.flatMap { s in counts[term.key].map { s + term.value * $0 } } }
}
