/// What every report hands to suppression: for each group (a row: a nationality, a district …)
/// one count per measure. Counts of people or notifications only, so nothing in it names anyone.
public struct GroupedCounts: Sendable, Equatable, Codable {
    /// What the rows are, e.g. "nationality".
    public var rowHeader: String
    /// The names of the counts, in the order each group's array holds them.
    public var measures: [String]
    /// Group label → one count per measure.
    public var groups: [String: [Int]]

    public init(rowHeader: String, measures: [String], groups: [String: [Int]]) {
        self.rowHeader = rowHeader
        self.measures = measures
        self.groups = groups
    }

    /// The sum of every group, measure by measure.
    public var totals: [Int] {
        groups.values.reduce(Array(repeating: 0, count: measures.count)) { zip($0, $1).map(+) }
    }
}
