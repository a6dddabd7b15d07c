/// The one table model every report renders: rows of labelled cells, a total row, and notes.
/// A cell is a number or suppressed; nothing in it can name a person.
public struct ReportTable: Sendable, Equatable, Codable {
    public enum Cell: Sendable, Equatable, Codable, CustomStringConvertible {
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

    public struct Row: Sendable, Equatable, Codable {
        public var label: String
        public var cells: [Cell]
    }

    public var title: String
    public var rowHeader: String
    public var columns: [String]
    public var rows: [Row]
    public var total: Row
    public var notes: [String]
}

extension String {
    /// One decimal place, without Foundation's formatter (locale-independent).
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
