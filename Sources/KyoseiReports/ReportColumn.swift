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
        }
    }

    /// The counts the cell is built from: its part and its whole (a count is its own whole), and
    /// whether the remainder (whole − part) is published by implication; `nil` if one is unknown.
    func parts(_ counts: [Int?]) -> (part: Int, whole: Int, remainderShown: Bool)? {
        switch value {
        case .count(let m), .shareOfTotal(let m): counts[m].map { ($0, $0, false) }
        case .share(let n, let d): counts[n].flatMap { part in counts[d].map { (part, $0, true) } }
        }
    }

    func cell(_ counts: [Int], totals: [Int]) -> ReportTable.Cell {
        switch value {
        case .count(let m): return .count(counts[m])
        case .share(let n, let d): return counts[d] == 0 ? .empty : .share(Double(counts[n]) / Double(counts[d]))
        case .shareOfTotal(let m): return totals[m] == 0 ? .empty : .share(Double(counts[m]) / Double(totals[m]))
        }
    }
}
