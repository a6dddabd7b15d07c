/// What the 28-hour cap finds for one person on one date, across all the jobs they hold.
public struct WorkPermissionCheck: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        /// The status allows the work without a cap (Table I(1)/(2) within their activity, Table II).
        case notCapped = "NOT_CAPPED"
        /// Designated Activities: what is allowed depends on the designation; a human decides.
        case review = "REVIEW"
        /// No work is allowed: the status needs permission for another activity and has none.
        case noPermission = "NO_PERMISSION"
        case withinCap = "WITHIN_CAP"
        case exceedsCap = "EXCEEDS_CAP"
        /// A student's long vacation, and some job's daily hours are unknown: the daily cap
        /// cannot be checked.
        case cannotCheck = "CANNOT_CHECK"
    }

    public let outcome: Outcome
    /// Contracted weekly hours summed over every job held on the date.
    public let totalWeeklyHours: Double
    /// The jobs held on the date, which the total is of.
    public let jobs: [ConcurrentJob]
    public let reason: String

    public init(outcome: Outcome, totalWeeklyHours: Double, jobs: [ConcurrentJob], reason: String) {
        self.outcome = outcome
        self.totalWeeklyHours = totalWeeklyHours
        self.jobs = jobs
        self.reason = reason
    }

    /// A finding staff must act on.
    public var isBreach: Bool { outcome == .noPermission || outcome == .exceedsCap }
}
