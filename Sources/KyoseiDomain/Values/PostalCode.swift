/// A Japanese postal code as the register writes it: `NNN-NNNN`.
public struct PostalCode: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 3, parts[1].count == 4,
              String(parts[0]).isASCIIDigits, String(parts[1]).isASCIIDigits
        else {
            throw ValidationError(field: "postal code", value: text, reason: "must be NNN-NNNN")
        }
        rawValue = text
    }

    public var description: String { rawValue }
}

/// The city's own district code (a school district, ward or area), such as `D07`: one or more
/// upper-case letters followed by digits, at most 8 characters.
public struct DistrictCode: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws {
        let letters = text.prefix { $0.isASCII && $0.isUppercase }
        let digits = text.dropFirst(letters.count)
        guard !letters.isEmpty, !digits.isEmpty, text.count <= 8, String(digits).isASCIIDigits else {
            throw ValidationError(field: "district code", value: text, reason: "must be upper-case letters then digits, such as D07")
        }
        rawValue = text
    }

    public var description: String { rawValue }
}
