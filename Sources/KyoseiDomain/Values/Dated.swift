/// A value the law sets for a period: a threshold or an obligation that starts on one day and,
/// when a later amendment replaces it, ends on another. Rules are evaluated for the date asked
/// (`--as-of`), so a report for 2028-09-30 and one for 2028-10-01 can differ by law alone.
///
/// `effectiveFrom` and `effectiveUntil` are both days on which the value holds (inclusive); nil
/// means open-ended on that side. `source` names the statute or notice the value comes from, so
/// `config show` and a case's reason can cite it; `forCityReview` marks a value that was not
/// checked against the official text and must be confirmed by the city before it is relied on.
public struct Dated<Value: Sendable & Equatable>: Sendable, Equatable {
    public let value: Value
    public let effectiveFrom: LocalDate?
    public let effectiveUntil: LocalDate?
    public let source: String
    public let forCityReview: Bool

    public init(_ value: Value, from: LocalDate?, until: LocalDate? = nil, source: String, forCityReview: Bool = false) throws {
        if let from, let until, until < from {
            throw ValidationError(field: "effective_until", value: until.description, reason: "is before effective_from \(from)")
        }
        guard !source.isEmpty else {
            throw ValidationError(field: "source", value: "", reason: "must name the legal source of the value")
        }
        self.value = value
        self.effectiveFrom = from
        self.effectiveUntil = until
        self.source = source
        self.forCityReview = forCityReview
    }

    /// Whether the value holds on `date` (both ends count).
    public func holds(on date: LocalDate) -> Bool {
        (effectiveFrom.map { $0 <= date } ?? true) && (effectiveUntil.map { date <= $0 } ?? true)
    }
}
