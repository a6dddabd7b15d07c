/// How a roster's people (insurance members, school students) were recognised as residents.
public struct RosterCounts: Sendable, Encodable, Equatable {
    public var matched = 0
    public var review = 0
    public var unmatched = 0
    /// People already linked by an earlier roster (their member or student number is stable).
    public var known = 0
    /// Enrollments from the same source that this roster no longer lists, ended on its date.
    public var ended = 0

    public init() {}
}
