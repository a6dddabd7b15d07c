/// What one partner file did, whatever its kind. The inbox runner, the nightly summary and the
/// file's stored summary read the common fields alone; what only one kind counts is in `details`,
/// written into the same JSON object beside them, so a program reading `--json` sees one flat
/// record per file, as it did before the kinds shared a driver.
public struct ImportOutcome: Sendable, Encodable, Equatable {
    public enum Result: String, Sendable, Codable {
        case applied
        case alreadyApplied = "already_applied"
        case refused
        /// It would change more than the configured share of what it covers (a cut-off roster
        /// ending most enrollments, a near-empty snapshot): nothing kept, left where it is until
        /// an operator accepts it with `--accept-large-change`.
        case held
        /// `--dry-run`: everything was checked and applied, then rolled back.
        case checked
    }

    public var file: String
    public var outcome: Result
    public var reason: String?
    /// Data records in the file, rows and rejects alike.
    public var rows = 0
    public var applied = 0
    public var rejected = 0
    public var details: ImportDetails

    public init(file: String, outcome: Result, reason: String? = nil, details: ImportDetails) {
        self.file = file
        self.outcome = outcome
        self.reason = reason
        self.details = details
    }

    public var register: RegisterCounts? { if case .register(let counts) = details { counts } else { nil } }
    public var roster: RosterCounts? { if case .roster(let counts) = details { counts } else { nil } }
    public var employment: NotificationCounts? { if case .employment(let counts) = details { counts } else { nil } }
    public var attendance: AttendanceCounts? { if case .attendance(let counts) = details { counts } else { nil } }

    enum CodingKeys: String, CodingKey { case file, outcome, reason, rows, applied, rejected }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(outcome, forKey: .outcome)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encode(rows, forKey: .rows)
        try container.encode(applied, forKey: .applied)
        try container.encode(rejected, forKey: .rejected)
        try details.encode(to: encoder)
    }
}
