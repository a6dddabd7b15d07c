/// For one group (a course kind, a level, a nationality): the seats of the courses a period
/// covers. The services count; the report never sees a person.
public struct LanguageCounts: Sendable, Equatable, Codable {
    /// People given a seat.
    public var enrolled = 0
    /// Of them, those who attended the configured share of sessions.
    public var completed = 0
    /// Of them, those with both a placement and an exit assessment.
    public var assessed = 0
    /// Of those assessed, those whose exit level is above their placement.
    public var progressed = 0
    /// People still waiting for a seat.
    public var waiting = 0
    /// People seated when a seat came free, after waiting.
    public var seatedFromWaitlist = 0
    /// Of them, those who waited longer than `LanguageTable.longWaitDays`.
    public var waitedLong = 0

    public init() {}

    var measures: [Int] { [enrolled, completed, assessed, progressed, waiting, seatedFromWaitlist, waitedLong] }
}
