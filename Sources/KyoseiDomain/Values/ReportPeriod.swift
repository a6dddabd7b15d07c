/// The stretch of days a report counts: a year (`2026`), a quarter (`2026-Q3`), a month
/// (`2026-07`) or a Japanese fiscal year (`FY2026`, April 2026 to March 2027, the year the
/// city's budget and the Alliance's survey run on), both ends included.
public struct ReportPeriod: Sendable, Hashable, CustomStringConvertible {
    public let first: LocalDate
    public let last: LocalDate
    public let description: String

    public init(_ text: String) throws {
        if text.hasPrefix("FY"), text.utf8.count == 6, let year = Int(text.dropFirst(2)), year > 0, String(text.dropFirst(2)).isASCIIDigits {
            first = try LocalDate(year: year, month: 4, day: 1)
            last = try LocalDate(year: year + 1, month: 3, day: 31)
            description = text
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let bad = ValidationError(field: "period", value: text, reason: "must be a year (2026), a quarter (2026-Q3), a month (2026-07) or a fiscal year (FY2026)")
        guard (1...2).contains(parts.count), parts[0].utf8.count == 4, parts[0].isASCIIDigits, let year = Int(parts[0]), year > 0
        else { throw bad }
        let months: ClosedRange<Int>
        if parts.count == 1 {
            months = 1...12
        } else if parts[1].count == 2, parts[1].first == "Q", let q = Int(parts[1].dropFirst()), (1...4).contains(q) {
            months = (q * 3 - 2)...(q * 3)
        } else if parts[1].utf8.count == 2, parts[1].isASCIIDigits, let m = Int(parts[1]), (1...12).contains(m) {
            months = m...m
        } else {
            throw bad
        }
        first = try LocalDate(year: year, month: months.lowerBound, day: 1)
        last = try LocalDate(year: year, month: months.upperBound, day: 1).lastDayOfMonth
        description = text
    }

    public func contains(_ date: LocalDate) -> Bool { first <= date && date <= last }
}
