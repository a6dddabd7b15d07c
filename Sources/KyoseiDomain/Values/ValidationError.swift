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
        !isEmpty && utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The ASCII digits of the string as integers, for check-digit arithmetic.
    @inlinable public var asciiDigitValues: [Int] {
        utf8.map { Int($0) - 0x30 }
    }
}
