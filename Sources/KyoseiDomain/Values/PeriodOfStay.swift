/// The period of stay granted with a status: an ISO 8601 duration of years, months and days,
/// or `INDEFINITE` (Permanent Resident and similar).
public enum PeriodOfStay: Hashable, Codable, Sendable, CustomStringConvertible {
    case indefinite
    case duration(years: Int, months: Int, days: Int)

    public init(_ text: String) throws {
        if text == "INDEFINITE" {
            self = .indefinite
            return
        }
        let bad = ValidationError(
            field: "period of stay", value: text,
            reason: "must be an ISO 8601 duration such as P5Y, P1Y6M, P3M or P15D, or INDEFINITE")
        guard text.first == "P", text.count > 1 else { throw bad }
        var years = 0, months = 0, days = 0
        var number = ""
        var lastUnit = 0
        for ch in text.dropFirst() {
            if ch.isASCII, ch.isNumber {
                number.append(ch)
                continue
            }
            guard let value = Int(number) else { throw bad }
            let unit: Int
            switch ch {
            case "Y": unit = 1; years = value
            case "M": unit = 2; months = value
            case "D": unit = 3; days = value
            default: throw bad
            }
            guard unit > lastUnit else { throw bad }
            lastUnit = unit
            number = ""
        }
        guard number.isEmpty, years + months + days > 0 else { throw bad }
        self = .duration(years: years, months: months, days: days)
    }

    public var description: String {
        switch self {
        case .indefinite: return "INDEFINITE"
        case let .duration(y, m, d):
            var s = "P"
            if y > 0 { s += "\(y)Y" }
            if m > 0 { s += "\(m)M" }
            if d > 0 { s += "\(d)D" }
            return s
        }
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
