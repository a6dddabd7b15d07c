import KyoseiDomain

/// The tables the city published before a new one about some of the same people, and where the
/// new one sits among them (its cut and its days), as suppression needs them.
public struct EarlierTables {
    /// A cut's counts per group over some days, for days no table counts alone (a quarter's
    /// third month when the quarter and two months are out): what a difference of published
    /// tables gives back there must not be small either. Nil if they cannot be counted.
    public typealias Counter = (_ cut: String, _ first: LocalDate, _ last: LocalDate) -> [String: [Int]]?

    public var cut: String
    public var first: LocalDate
    public var last: LocalDate
    public var tables: [PublishedTable]
    public var counter: Counter

    public init(cut: String, first: LocalDate, last: LocalDate, tables: [PublishedTable], counter: @escaping Counter = { _, _, _ in nil }) {
        self.cut = cut
        self.first = first
        self.last = last
        self.tables = tables
        self.counter = counter
    }

    /// Nothing published before: a table checked on its own.
    public static var none: EarlierTables { EarlierTables(cut: "", first: LocalDate(dayNumber: 0), last: LocalDate(dayNumber: 0), tables: []) }

    /// The earlier tables' rows and sums for a new table with these groups, then `aggregateRows`
    /// rows that are sums of them (a region of its nationalities), then its total.
    func context(labels: [String], measures: [String], columns: [ReportColumn], minimum: Int, aggregateRows: Int = 0) -> PublishedContext {
        let alike = tables.filter { $0.measures == measures }
        guard !alike.isEmpty else { return .none }
        return PublishedContext(cut: cut, first: first, last: last, labels: labels, aggregateRows: aggregateRows, earlier: alike) { cut, first, last in
            let counts = counter(cut, first, last)
            return { group in
                guard let counts else { return columns.map(\.published) }
                let values = group.map { counts[$0] ?? measures.map { _ in 0 } }
                    ?? counts.values.reduce(measures.map { _ in 0 }) { zip($0, $1).map(+) }
                return columns.flatMap { $0.secrets(values.map(Optional.some), minimum: minimum) ?? [] }.map { [$0] }
            }
        }
    }
}
