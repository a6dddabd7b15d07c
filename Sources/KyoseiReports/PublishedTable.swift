import KyoseiDomain

/// A table as it left the city, kept so that every later table is checked against it: per row,
/// each published figure as a sum of the row's counts with its value (what a reader now holds),
/// and each withheld figure as such a sum (what must stay unknown whatever is published later).
/// The cut and the days it counts say which later tables count the same people. Figures, not
/// cells: a share is kept as its part and its whole, since the attacker takes it to publish both.
public struct PublishedTable: Sendable, Equatable, Codable {
    public struct Figure: Sendable, Equatable, Codable {
        public var form: [Int: Int]
        public var value: Int

        public init(form: [Int: Int], value: Int) {
            self.form = form
            self.value = value
        }
    }

    public struct Row: Sendable, Equatable, Codable {
        public var label: String
        public var figures: [Figure]
        /// Each withheld figure: the sums it is worked out from, given away when all of them are.
        public var withheld: [[[Int: Int]]]

        public init(label: String, figures: [Figure], withheld: [[[Int: Int]]]) {
            self.label = label
            self.figures = figures
            self.withheld = withheld
        }
    }

    /// What the rows are ("nationality"); tables of different cuts share only their total.
    public var cut: String
    /// The period counted, or for a count on a date that date as both.
    public var first: LocalDate
    public var last: LocalDate
    /// The names of the counts the figures are sums of: only tables with the same ones are
    /// checked against each other.
    public var measures: [String]
    /// Each group's row, then the total's.
    public var rows: [Row]

    public init(cut: String, first: LocalDate, last: LocalDate, measures: [String], rows: [Row]) {
        self.cut = cut
        self.first = first
        self.last = last
        self.measures = measures
        self.rows = rows
    }

    public var labels: [String] { rows.dropLast().map(\.label) }

    /// The rows a table publishes: the counts behind each shown column (a share of the total
    /// shows the total's count too), and the sums behind each withheld one.
    static func rows(labels: [String], counts: [[Int]], totals: [Int], withheld: Suppression.Withheld, columns: [ReportColumn]) -> [Row] {
        var figures = (labels + ["Total"]).map { _ in [Figure]() }
        var secrets = figures.map { _ in [[[Int: Int]]]() }
        let all = counts + [totals]
        func add(_ row: Int, _ form: [Int: Int]) {
            let figure = Figure(form: form, value: evaluate(form, all[row].map(Optional.some))!)
            if !figures[row].contains(figure) { figures[row].append(figure) }
        }
        for row in all.indices {
            let hidden = row < labels.count ? withheld.rows[row] : withheld.total
            for column in columns {
                guard !hidden.contains(column.block) else {
                    if !secrets[row].contains(column.published) { secrets[row].append(column.published) }
                    continue
                }
                for form in column.published { add(row, form) }
                if case .shareOfTotal(let m) = column.value { add(labels.count, [m: 1]) }
            }
        }
        return (labels + ["Total"]).indices.map { Row(label: $0 < labels.count ? labels[$0] : "Total", figures: figures[$0], withheld: secrets[$0]) }
    }
}
