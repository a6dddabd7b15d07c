/// A Japanese postal code as the register writes it: `NNN-NNNN`.
public struct PostalCode: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws {
        let valid = text.withUTF8Bytes { b in
            b.count == 8 && b[3] == UInt8(ascii: "-") && b.indices.allSatisfy { $0 == 3 || b[$0].isASCIIDigit }
        }
        guard valid else {
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
        let valid = text.withUTF8Bytes { b in
            let letters = b.prefix(while: \.isASCIIUpperCaseLetter).count
            return letters > 0 && letters < b.count && b.count <= 8 && b[letters...].allSatisfy(\.isASCIIDigit)
        }
        guard valid else {
            throw ValidationError(field: "district code", value: text, reason: "must be upper-case letters then digits, such as D07")
        }
        rawValue = text
    }

    public var description: String { rawValue }
}
