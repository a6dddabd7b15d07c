/// The one table model every report renders: rows of labelled cells, a total row, and notes.
/// A cell is a number or suppressed; nothing in it can name a person.
public struct ReportTable: Sendable, Equatable {
    public enum Cell: Sendable, Equatable, CustomStringConvertible {
        case count(Int)
        case share(Double)
        case suppressed
        case empty

        public var description: String {
            switch self {
            case .count(let n): String(n)
            case .share(let s): String(format1: s * 100) + "%"
            case .suppressed: "*"
            case .empty: "-"
            }
        }
    }

    public struct Row: Sendable, Equatable {
        public var label: String
        public var cells: [Cell]
    }

    public var title: String
    public var rowHeader: String
    public var columns: [String]
    public var rows: [Row]
    public var total: Row
    public var notes: [String]
    /// How each column is made from the counts behind it, published with the JSON so that anyone
    /// (and the attack script) can check that no withheld figure comes back from the others.
    public var layout: ReportLayout?
    /// What the table gives away and what it withholds, figure by figure, as the city keeps it
    /// so that every later table is checked against this one. Never rendered.
    public var published: [PublishedTable.Row] = []
}

/// The counts behind a table's columns and the sums that hold between them.
public struct ReportLayout: Sendable, Equatable {
    public var measures: [String]
    public var columns: [ReportColumn]
    public var relations: [RowRelation]
    /// For a coarser cut: the groups of the finer cut each row adds up (a region's nationalities).
    public var rowParts: [String: [String]] = [:]
}

extension String {
    /// One decimal place, without Foundation's formatter (locale-independent).
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
