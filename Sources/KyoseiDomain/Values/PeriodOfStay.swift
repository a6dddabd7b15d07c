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
        // Read by byte: by `Character` this was a twentieth of reading a register row.
        let parsed = text.withUTF8Bytes { b -> (years: Int, months: Int, days: Int)? in
            guard b.count > 1, b[0] == UInt8(ascii: "P") else { return nil }
            var years = 0, months = 0, days = 0
            var number: Int?
            var lastUnit = -1
            for byte in b.dropFirst() {
                if byte.isASCIIDigit {
                    let (times10, o1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                    let (value, o2) = times10.addingReportingOverflow(Int(byte &- 0x30))
                    guard !o1, !o2 else { return nil }
                    number = value
                    continue
                }
                guard let value = number else { return nil }
                let unit: Int
                switch byte {
                case UInt8(ascii: "Y"): (unit, years) = (0, value)
                case UInt8(ascii: "M"): (unit, months) = (1, value)
                case UInt8(ascii: "D"): (unit, days) = (2, value)
                default: return nil
                }
                guard unit > lastUnit else { return nil }
                lastUnit = unit
                number = nil
            }
            // Each amount is at least 0, so this is their sum being over 0, without its overflow.
            guard number == nil, years > 0 || months > 0 || days > 0 else { return nil }
            return (years, months, days)
        }
        guard let (years, months, days) = parsed else { throw bad }
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
