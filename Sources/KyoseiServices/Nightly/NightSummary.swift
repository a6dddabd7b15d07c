/// The morning summary of one nightly run: every file of every inbox with what it did, what
/// was refused and why, what the rules did, and the cases the night opened by type and team.
/// Counts and file names only; the cases themselves are in the queues.
public struct NightSummary: Sendable, Encodable {
    /// A file the night did not apply; it stays in its inbox. `outcome` says whether it was
    /// refused (fix the file) or held as too large a change (check it, then accept it).
    public struct RefusedFile: Sendable, Codable, Equatable {
        public let kind: String
        public let file: String
        public let outcome: ImportOutcome.Result
        public let reason: String
    }

    public var register: [ImportOutcome] = []
    public var insurance: [ImportOutcome] = []
    public var school: [ImportOutcome] = []
    public var employment: [ImportOutcome] = []
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
        Self.refused(register, kind: "register") + Self.refused(insurance, kind: "insurance") + Self.refused(school, kind: "school")
            + Self.refused(employment, kind: "employment")
    }

    /// What changed, per inbox: files applied and the sums of what each file counted.
    public var changes: [String: [String: Int]] {
        let register = register.applied.compactMap(\.register), employment = employment.applied.compactMap(\.employment)
        return [
            "register": Self.fileChanges(self.register).merging([
                "added": register.sum(\.created), "changed": register.sum(\.changed), "left": register.sum(\.leftRegister),
                "walk_ins_linked": register.sum(\.linked), "identity_reviews": register.sum(\.identityReviews),
            ]) { $1 },
            "insurance": Self.rosterChanges(insurance).merging(["ended": insurance.applied.compactMap(\.roster).sum(\.ended)]) { $1 },
            "school": Self.rosterChanges(school),
            "employment": Self.fileChanges(self.employment).merging([
                "duplicates": employment.sum(\.duplicates), "linked": employment.sum(\.linked), "review": employment.sum(\.review),
                "unlinked": employment.sum(\.unlinked), "episodes_opened": employment.sum(\.episodesOpened),
                "episodes_closed": employment.sum(\.episodesClosed),
            ]) { $1 },
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

    private static func refused(_ outcomes: [ImportOutcome], kind: String) -> [RefusedFile] {
        outcomes.filter { $0.outcome == .refused || $0.outcome == .held }.map { RefusedFile(kind: kind, file: $0.file, outcome: $0.outcome, reason: $0.reason ?? "") }
    }

    /// What every kind counts: files applied, their rows and rejects.
    private static func fileChanges(_ outcomes: [ImportOutcome]) -> [String: Int] {
        let applied = outcomes.applied
        return ["files": applied.count, "rows": applied.sum(\.rows), "rejected": applied.sum(\.rejected)]
    }

    private static func rosterChanges(_ outcomes: [ImportOutcome]) -> [String: Int] {
        let rosters = outcomes.applied.compactMap(\.roster)
        return fileChanges(outcomes).merging([
            "matched": rosters.sum(\.matched), "review": rosters.sum(\.review), "unmatched": rosters.sum(\.unmatched),
            "known": rosters.sum(\.known),
        ]) { $1 }
    }
}

extension Array where Element == ImportOutcome {
    fileprivate var applied: [Element] { filter { $0.outcome == .applied } }
}

extension Array {
    fileprivate func sum(_ count: KeyPath<Element, Int>) -> Int { reduce(0) { $0 + $1[keyPath: count] } }
}
