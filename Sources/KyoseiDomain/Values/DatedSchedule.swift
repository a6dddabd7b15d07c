/// The successive values of one threshold or obligation, each for its period, with no overlap:
/// for any date at most one step holds. Built-in schedules (`InsuranceThresholds`) are the
/// defaults the settings half of issue 19 loads into `Config/`; a city's configured schedule is
/// validated by the same initialiser.
public struct DatedSchedule<Value: Sendable & Equatable>: Sendable, Equatable {
    /// A name for messages and `config show`, such as `insurance.employment_weekly_hours`.
    public let name: String
    /// The steps in date order.
    public let steps: [Dated<Value>]

    public init(_ name: String, _ steps: [Dated<Value>]) throws {
        let ordered = steps.sorted { ($0.effectiveFrom?.dayNumber ?? Int.min) < ($1.effectiveFrom?.dayNumber ?? Int.min) }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) {
            guard let until = earlier.effectiveUntil, let from = later.effectiveFrom, until < from else {
                throw ValidationError(
                    field: name, value: later.effectiveFrom?.description ?? "",
                    reason: "overlaps the step from \(earlier.effectiveFrom?.description ?? "the beginning")")
            }
        }
        self.name = name
        self.steps = ordered
    }

    /// The step that holds on `date`, nil when the date is in no step (before the first, or in a gap).
    public func step(on date: LocalDate) -> Dated<Value>? {
        steps.last { $0.holds(on: date) }
    }

    /// The value on `date`, nil when no step holds.
    public func value(on date: LocalDate) -> Value? { step(on: date)?.value }

    /// Every day on which the value changes: each step's first day.
    public var changeDates: [LocalDate] { steps.compactMap(\.effectiveFrom) }
}
