/// Identifiers that are a fixed number of digits with no check digit; one implementation so the
/// register person id and the household id validate and print alike.
public protocol DigitIdentifier: Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    static var fieldName: String { get }
    static var length: Int { get }
    var rawValue: String { get }
    init(unchecked: String)
}

extension DigitIdentifier {
    public init(_ text: String) throws {
        guard text.utf8.count == Self.length, text.isASCIIDigits else {
            throw ValidationError(field: Self.fieldName, value: text, reason: "must be \(Self.length) digits")
        }
        self.init(unchecked: text)
    }

    public var description: String { rawValue }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// The register's person id: stable for the person's life in the register.
public struct PersonID: DigitIdentifier {
    public static let fieldName = "person id"
    public static let length = 11
    public let rawValue: String
    public init(unchecked: String) { rawValue = unchecked }
}

/// The register's household id.
public struct HouseholdID: DigitIdentifier {
    public static let fieldName = "household id"
    public static let length = 10
    public let rawValue: String
    public init(unchecked: String) { rawValue = unchecked }
}
