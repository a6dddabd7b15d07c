/// One step of a built-in dated threshold as `config show` and the city's review list it.
public struct ThresholdRow: Sendable, Equatable {
    public let name: String
    public let from: LocalDate?
    public let until: LocalDate?
    public let value: String
    public let source: String
    public let forCityReview: Bool

    public init<V>(_ schedule: DatedSchedule<V>, _ step: Dated<V>, value: String) {
        name = schedule.name
        from = step.effectiveFrom
        until = step.effectiveUntil
        self.value = value
        source = step.source
        forCityReview = step.forCityReview
    }
}
