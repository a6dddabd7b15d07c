/// The one error every validating initialiser throws, so a caller at any edge (CLI flag, CSV
/// cell, configuration key) can report the field, the value and the rule in one plain sentence.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let value: String
    public let reason: String

    public init(field: String, value: String, reason: String) {
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var description: String {
        value.isEmpty ? "\(field): \(reason)" : "\(field) \(value): \(reason)"
    }
}

extension String {
    /// True when every scalar is an ASCII digit; an empty string is not a number.
    @inlinable public var isASCIIDigits: Bool {
        withUTF8Bytes { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// The string's UTF-8 bytes where they are, for the validators that judge a field byte by
    /// byte: read by `Character`, a register row's postal, district and municipality codes and
    /// its period of stay took about a fifth of reading the row.
    @inlinable public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        var text = self
        return try text.withUTF8(body)
    }

    /// The ASCII digits of the string as integers, for check-digit arithmetic.
    @inlinable public var asciiDigitValues: [Int] {
        utf8.map { Int($0) - 0x30 }
    }
}

extension UInt8 {
    @inlinable public var isASCIIDigit: Bool { self &- 0x30 < 10 }
    @inlinable public var isASCIIUpperCaseLetter: Bool { self &- 0x41 < 26 }
}
