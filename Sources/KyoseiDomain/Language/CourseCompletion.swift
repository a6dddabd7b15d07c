/// Completion of a course: attending at least the configured share of its sessions. Whole
/// percentages compared in integers, so 20 of 25 sessions is exactly 80% and 19 of 24
/// (79.2%) is not, with no floating-point edge in between.
public struct CourseCompletion: Sendable, Equatable {
    public let percent: Int

    public init(percent: Int) throws {
        guard (1...100).contains(percent) else {
            throw ValidationError(field: "completion percent", value: String(percent), reason: "must be 1 to 100")
        }
        self.percent = percent
    }

    /// A course without sessions cannot be completed: there is nothing to attend.
    public func isComplete(attended: Int, sessions: Int) -> Bool {
        sessions > 0 && attended * 100 >= percent * sessions
    }
}
