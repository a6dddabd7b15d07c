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

    /// The counts the cell is built from: its part and its whole (a count is its own whole), and
    /// whether the remainder (whole − part) is published by implication.
    func parts(_ counts: [Int]) -> (part: Int, whole: Int, remainderShown: Bool) {
        switch value {
        case .count(let m): (counts[m], counts[m], false)
        case .share(let n, let d): (counts[n], counts[d], true)
        case .shareOfTotal(let m): (counts[m], counts[m], false)
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
