/// A local government code: five digits and a check digit, so that a city's data is never
/// applied to another city's database because of a mistyped code.
public struct MunicipalityCode: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws {
        let field = "municipality code"
        let digits = text.withUTF8Bytes { b -> (expected: Int, actual: Int)? in
            guard b.count == 6, b.allSatisfy(\.isASCIIDigit) else { return nil }
            return (Self.checkDigit(b.prefix(5)), Int(b[5] &- 0x30))
        }
        guard let (expected, actual) = digits else {
            throw ValidationError(field: field, value: text, reason: "must be 6 digits")
        }
        guard expected == actual else {
            throw ValidationError(field: field, value: text, reason: "check digit should be \(expected)")
        }
        rawValue = text
    }

    /// s = 6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5; check = (11 − s mod 11) mod 10.
    public static func checkDigit(forFirstFive digits: String) -> Int {
        digits.withUTF8Bytes { checkDigit($0[...]) }
    }

    private static func checkDigit(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
        let s = zip(digits, [6, 5, 4, 3, 2]).reduce(0) { $0 + Int($1.0 &- 0x30) * $1.1 }
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
