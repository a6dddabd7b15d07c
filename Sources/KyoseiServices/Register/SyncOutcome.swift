/// What happened to one register file, as the nightly summary and `--json` report it.
public struct SyncOutcome: Sendable, Codable, Equatable {
    public enum Result: String, Sendable, Codable {
        case applied
        case alreadyApplied = "already_applied"
        case refused
        /// `--dry-run`: everything was checked and applied, then rolled back.
        case checked
    }

    public var file: String
    public var sequence: Int?
    public var kind: String?
    public var outcome: Result
    public var reason: String?
    public var rows: Int = 0
    public var applied: Int = 0
    public var rejected: Int = 0
    /// Residents created, changed, left unchanged, linked to a walk-in, marked LEFT_REGISTER.
    public var created: Int = 0
    public var changed: Int = 0
    public var unchanged: Int = 0
    public var linked: Int = 0
    public var leftRegister: Int = 0
    public var identityReviews: Int = 0
    /// Rows per delta event (snapshot rows count under `SNAPSHOT`).
    public var events: [String: Int] = [:]
    /// Rows per register state the residents were left in.
    public var states: [String: Int] = [:]

    public init(file: String, sequence: Int?, kind: String?, outcome: Result, reason: String? = nil) {
        self.file = file
        self.sequence = sequence
        self.kind = kind
        self.outcome = outcome
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case file, sequence, kind, outcome, reason, rows, applied, rejected, created, changed, unchanged, linked, events, states
        case leftRegister = "left_register"
        case identityReviews = "identity_reviews"
    }
}
