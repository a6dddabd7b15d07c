/// The residence card (or Special Permanent Resident certificate) number. It has no public
/// check digit, so only the shape is checked: two letters, eight digits, two letters.
public struct ResidenceCardNumber: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws {
        let bytes = Array(text.utf8)
        func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        guard bytes.count == 12,
              bytes[0..<2].allSatisfy(isUpper),
              bytes[2..<10].allSatisfy(isDigit),
              bytes[10..<12].allSatisfy(isUpper)
        else {
            throw ValidationError(
                field: "residence card number", value: text,
                reason: "must be 2 upper-case letters, 8 digits and 2 upper-case letters (AB12345678CD)")
        }
        rawValue = text
    }

    /// True when the text has the card number's shape; for telling a card number from a name
    /// in a search box without building an error.
    public static func looksValid(_ text: String) -> Bool { (try? Self(text)) != nil }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
