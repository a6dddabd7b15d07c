/// A table of counts as it leaves the city for the Alliance: one row per group, one count per
/// measure, `null` where the figure is withheld. Counts rather than shares, so the Alliance can
/// add cities together; withheld rather than dropped, so a sum is never silently short.
public struct CountTable: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var group: String
        public var counts: [Int?]

        public init(group: String, counts: [Int?]) {
            self.group = group
            self.counts = counts
        }
    }

    public var rowHeader: String
    public var measures: [String]
    public var rows: [Row]
    public var total: [Int?]

    public init(rowHeader: String, measures: [String], rows: [Row], total: [Int?]) {
        self.rowHeader = rowHeader
        self.measures = measures
        self.rows = rows
        self.total = total
    }

    /// Every count known, groups in label order.
    public init(_ counts: GroupedCounts) {
        self.init(
            rowHeader: counts.rowHeader, measures: counts.measures,
            rows: counts.groups.keys.sorted().map { Row(group: $0, counts: counts.groups[$0]!.map(Optional.some)) },
            total: counts.totals.map(Optional.some))
    }

    enum CodingKeys: String, CodingKey {
        case rowHeader = "row_header", measures, rows, total
    }
}
