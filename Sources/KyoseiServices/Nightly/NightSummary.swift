/// The morning summary of one nightly run: every file of every inbox with what it did, what
/// was refused and why, what the rules did, and the cases the night opened by type and team.
/// Counts and file names only; the cases themselves are in the queues.
public struct NightSummary: Sendable, Encodable {
    /// A file the night did not apply; it stays in its inbox.
    public struct RefusedFile: Sendable, Codable, Equatable {
        public let kind: String
        public let file: String
        public let reason: String
    }

    public var register: [SyncOutcome] = []
    public var insurance: [RosterImportOutcome] = []
    public var school: [RosterImportOutcome] = []
    public var employment: [EmploymentImportOutcome] = []
    public var rules: [RuleRunSummary] = []
    /// Nil only when counting them failed (see `failed`).
    public var newCases: NewCaseCounts?
    /// Step (`register`, `insurance`, `school`, `employment`, `rules`, `new cases`) → wall-clock seconds.
    public var seconds: [String: Double] = [:]
    /// Step → the error that stopped it; the steps after it still ran.
    public var failed: [String: String] = [:]

    public init() {}

    /// Every file not applied tonight, inbox by inbox.
    public var refused: [RefusedFile] {
        register.filter { $0.outcome == .refused }.map { RefusedFile(kind: "register", file: $0.file, reason: $0.reason ?? "") }
            + Self.refused(insurance, kind: "insurance") + Self.refused(school, kind: "school")
            + Self.refused(employment, kind: "employment")
    }

    /// What changed, per inbox: files applied and the sums of what each file counted.
    public var changes: [String: [String: Int]] {
        let applied = register.filter { $0.outcome == .applied }
        return [
            "register": [
                "files": applied.count, "rows": applied.sum(\.rows), "rejected": applied.sum(\.rejected),
                "added": applied.sum(\.created), "changed": applied.sum(\.changed), "left": applied.sum(\.leftRegister),
                "walk_ins_linked": applied.sum(\.linked), "identity_reviews": applied.sum(\.identityReviews),
            ],
            "insurance": Self.rosterChanges(insurance).merging(["ended": insurance.applied.sum(\.ended)]) { $1 },
            "school": Self.rosterChanges(school),
            "employment": [
                "files": employment.applied.count, "rows": employment.applied.sum(\.rows),
                "rejected": employment.applied.sum(\.rejected), "duplicates": employment.applied.sum(\.duplicates),
                "linked": employment.applied.sum(\.linked), "review": employment.applied.sum(\.review),
                "unlinked": employment.applied.sum(\.unlinked), "episodes_opened": employment.applied.sum(\.episodesOpened),
                "episodes_closed": employment.applied.sum(\.episodesClosed),
            ],
        ]
    }

    enum CodingKeys: String, CodingKey {
        case register, insurance, school, employment, rules, seconds, refused, changes, failed
        case newCases = "new_cases"
    }

    /// `refused` and `changes` are written for readers of the JSON; they follow from the rest.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(register, forKey: .register)
        try c.encode(insurance, forKey: .insurance)
        try c.encode(school, forKey: .school)
        try c.encode(employment, forKey: .employment)
        try c.encode(rules, forKey: .rules)
        try c.encode(newCases, forKey: .newCases)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(failed, forKey: .failed)
        try c.encode(refused, forKey: .refused)
        try c.encode(changes, forKey: .changes)
    }

    private static func refused<O: ImportOutcome>(_ outcomes: [O], kind: String) -> [RefusedFile] {
        outcomes.filter { $0.outcome == .refused }.map { RefusedFile(kind: kind, file: $0.file, reason: $0.reason ?? "") }
    }

    private static func rosterChanges(_ outcomes: [RosterImportOutcome]) -> [String: Int] {
        let applied = outcomes.applied
        return ["files": applied.count, "rows": applied.sum(\.rows), "rejected": applied.sum(\.rejected),
                "matched": applied.sum(\.matched), "review": applied.sum(\.review), "unmatched": applied.sum(\.unmatched),
                "known": applied.sum(\.known)]
    }
}

extension Array where Element: ImportOutcome {
    fileprivate var applied: [Element] { filter { $0.outcome == .applied } }
}

extension Array {
    fileprivate func sum(_ count: KeyPath<Element, Int>) -> Int { reduce(0) { $0 + $1[keyPath: count] } }
}
