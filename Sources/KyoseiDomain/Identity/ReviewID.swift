/// How staff name one identity review: `R<number>`, the same id the match report, `sync
/// attention`, the IDENTITY_REVIEW case and the review desk print, so a review found in one
/// place is decided in another without translating numbers. A bare number is accepted too.
public struct ReviewID: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let number: Int64

    public init(_ number: Int64) throws {
        guard number > 0 else { throw ValidationError(field: "review", value: String(number), reason: "must be R<number> above 0") }
        self.number = number
    }

    public init(_ text: String) throws {
        let trimmed = text.filter { $0 != " " }
        let digits = trimmed.first == "R" || trimmed.first == "r" ? String(trimmed.dropFirst()) : trimmed
        guard digits.isASCIIDigits, digits.count <= 18, let number = Int64(digits), number > 0 else {
            throw ValidationError(field: "review", value: text, reason: "give R<number>, as `kyosei review list` prints it")
        }
        self.number = number
    }

    public var description: String { "R\(number)" }

    public static func < (a: ReviewID, b: ReviewID) -> Bool { a.number < b.number }

    public init(from decoder: Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
