/// What happened to one employment file, as the import's summary and `--json` report it.
public struct EmploymentImportOutcome: Sendable, Codable, Equatable {
    /// The same three outcomes as every roster import.
    public typealias Result = RosterImportOutcome.Result

    public var file: String
    public var outcome: Result
    public var reason: String?
    public var rows = 0
    public var applied = 0
    public var rejected = 0
    /// Notifications already recorded from an earlier file (same employer, card, type and date).
    public var duplicates = 0
    public var linked = 0
    /// Cards whose holder's birth date or sex differ from the report: identity reviews.
    public var review = 0
    public var unlinked = 0
    public var episodesOpened = 0
    public var episodesClosed = 0
    /// Finding kind → how many notifications of this file showed it.
    public var findings: [String: Int] = [:]

    public init(file: String, outcome: Result, reason: String? = nil) {
        self.file = file
        self.outcome = outcome
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case file, outcome, reason, rows, applied, rejected, duplicates, linked, review, unlinked, findings
        case episodesOpened = "episodes_opened"
        case episodesClosed = "episodes_closed"
    }
}
