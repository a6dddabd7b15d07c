/// What happened to one roster file (insurance now; school and employment rosters later), as
/// the import's summary and `--json` report it.
public struct RosterImportOutcome: Sendable, Codable, Equatable {
    public enum Result: String, Sendable, Codable {
        case applied
        case alreadyApplied = "already_applied"
        case refused
    }

    public var file: String
    public var outcome: Result
    public var reason: String?
    public var rows = 0
    public var applied = 0
    public var rejected = 0
    public var matched = 0
    public var review = 0
    public var unmatched = 0
    /// Members already linked by an earlier roster (their member number is stable).
    public var known = 0
    /// Enrollments from the same source that this roster no longer lists, ended on its date.
    public var ended = 0

    public init(file: String, outcome: Result, reason: String? = nil) {
        self.file = file
        self.outcome = outcome
        self.reason = reason
    }
}
