/// The 13-digit corporate number of an employer. The first digit checks the other twelve, so a
/// mistyped employer is caught at the edge rather than splitting one employer's record in two.
public struct CorporateNumber: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) throws {
        let field = "corporate number"
        guard text.count == 13, text.isASCIIDigits else {
            throw ValidationError(field: field, value: text, reason: "must be 13 digits")
        }
        let expected = Self.checkDigit(forBody: String(text.dropFirst()))
        guard expected == text.asciiDigitValues[0] else {
            throw ValidationError(field: field, value: text, reason: "check digit (the first digit) should be \(expected)")
        }
        rawValue = text
    }

    /// check = 9 − (Σ Pn·Qn mod 9), Pn the n-th digit from the right, Qn = 1 for odd n, 2 for even n.
    public static func checkDigit(forBody twelveDigits: String) -> Int {
        let digits = twelveDigits.asciiDigitValues.reversed()
        let sum = digits.enumerated().reduce(0) { acc, item in
            acc + item.element * ((item.offset + 1) % 2 == 1 ? 1 : 2)
        }
        return 9 - sum % 9
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

/// Who filed an employment report: a company by corporate number, or a sole proprietor by
/// `L` and the 14-digit labour-insurance number.
public enum EmployerID: Hashable, Sendable, CustomStringConvertible {
    case corporate(CorporateNumber)
    case labourInsurance(String)

    public init(_ text: String) throws {
        if text.first == "L" {
            let digits = String(text.dropFirst())
            guard digits.count == 14, digits.isASCIIDigits else {
                throw ValidationError(field: "employer id", value: text, reason: "must be L followed by 14 digits")
            }
            self = .labourInsurance(digits)
        } else {
            self = .corporate(try CorporateNumber(text))
        }
    }

    public var description: String {
        switch self {
        case .corporate(let n): n.rawValue
        case .labourInsurance(let d): "L" + d
        }
    }
}
