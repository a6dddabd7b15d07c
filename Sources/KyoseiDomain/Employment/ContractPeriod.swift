/// The term of an employment contract as a notification or staff state it: when it starts,
/// when it ends (nil: no fixed term) and whether it says it may be renewed. Employment
/// insurance asks whether the employee is expected to be employed for 31 days or more
/// (Employment Insurance Act art. 6(ii)); the employer insurances ask whether the employment
/// is expected to last more than two months (Health Insurance Act art. 3(1)(v)).
public struct ContractPeriod: Sendable, Hashable {
    public let start: LocalDate
    /// The last day of a fixed term; nil when the contract has none.
    public let end: LocalDate?
    /// The contract provides that it may be renewed (更新する場合がある旨の明示).
    public let renewable: Bool

    public init(start: LocalDate, end: LocalDate?, renewable: Bool) throws {
        if let end, end < start {
            throw ValidationError(field: "contract end", value: end.description, reason: "is before the contract start \(start)")
        }
        self.start = start
        self.end = end
        self.renewable = renewable
    }

    /// Days of the fixed term, both ends counted; nil for no fixed term.
    public var days: Int? { end.map { start.days(until: $0) + 1 } }

    /// Whether employment is expected to last at least `days` days: no fixed term, a term that
    /// long, or a shorter term with a renewal clause (MHLW's reading of art. 6(ii): a contract
    /// under 31 days that may be renewed, with no statement that it will not be, counts).
    /// For the city's review: a renewable term is taken to meet the expectation whatever it says
    /// about the end; the guidance's "unless non-renewal is stated" cannot be read from the files.
    public func isExpected(toLast days: Int) -> Bool {
        guard let length = self.days else { return true }
        return length >= days || renewable
    }

    /// Whether employment is expected to last more than two months (the employer insurances'
    /// short-time condition since 2022-10): no fixed term, a term ending after two months, or a
    /// renewable term.
    public var isExpectedBeyondTwoMonths: Bool {
        guard let end else { return true }
        return end > start.adding(months: 2).adding(days: -1) || renewable
    }
}
