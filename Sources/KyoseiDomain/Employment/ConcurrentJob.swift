/// One job a person holds, for rules that look across all of a person's jobs at once (the
/// 28-hour cap). Built by the service from the open hire notifications and staff records.
public struct ConcurrentJob: Sendable, Hashable {
    /// The employer (corporate number or `L` id) or any label staff will recognise.
    public let employer: String
    public let from: LocalDate
    /// The separation date; nil while the job is open.
    public let until: LocalDate?
    public let weeklyHours: Double
    /// Contracted hours on a working day, where known (for the 8-hours-a-day rule in a
    /// student's long vacation).
    public let dailyHours: Double?

    public init(employer: String, from: LocalDate, until: LocalDate?, weeklyHours: Double, dailyHours: Double? = nil) throws {
        if let until, until < from {
            throw ValidationError(field: "separation date", value: until.description, reason: "is before the hire \(from)")
        }
        guard weeklyHours >= 0, weeklyHours <= 7 * 24 else {
            throw ValidationError(field: "weekly hours", value: HoursText.of(weeklyHours), reason: "must be between 0 and 168")
        }
        if let dailyHours, !(0...24).contains(dailyHours) {
            throw ValidationError(field: "daily hours", value: HoursText.of(dailyHours), reason: "must be between 0 and 24")
        }
        self.employer = employer
        self.from = from
        self.until = until
        self.weeklyHours = weeklyHours
        self.dailyHours = dailyHours
    }

    /// Held on `date` (the hire and separation days count).
    public func isHeld(on date: LocalDate) -> Bool {
        from <= date && (until.map { date <= $0 } ?? true)
    }
}
