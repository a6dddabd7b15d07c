/// A local government code: five digits and a check digit, so that a city's data is never
/// applied to another city's database because of a mistyped code.
public struct MunicipalityCode: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws {
        let field = "municipality code"
        guard text.count == 6, text.isASCIIDigits else {
            throw ValidationError(field: field, value: text, reason: "must be 6 digits")
        }
        let expected = Self.checkDigit(forFirstFive: String(text.prefix(5)))
        let actual = text.asciiDigitValues[5]
        guard expected == actual else {
            throw ValidationError(field: field, value: text, reason: "check digit should be \(expected)")
        }
        rawValue = text
    }

    /// s = 6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5; check = (11 − s mod 11) mod 10.
    public static func checkDigit(forFirstFive digits: String) -> Int {
        let d = digits.asciiDigitValues
        let s = zip(d, [6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
        return (11 - s % 11) % 10
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
