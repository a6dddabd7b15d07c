import KyoseiIdentity

/// How a roster's person (an insurance member, a school student) is linked to a resident: the
/// row in its table, the resident, and the identity resolver's outcome and score. Insurance and
/// school rosters share it, and the one way a match decision becomes a link.
struct RosterLink {
    var id: Int64?
    var residentID: Int64?
    var outcome: String
    var score: Double?

    /// The link a decision gives this person (keeping their row), counted in the roster's counts.
    static func deciding(_ existing: RosterLink?, by decision: MatchDecision, counting counts: inout RosterCounts) -> RosterLink {
        switch decision.outcome {
        case .matched: counts.matched += 1
        case .review: counts.review += 1
        case .unmatched: counts.unmatched += 1
        }
        return RosterLink(id: existing?.id, residentID: decision.residentID, outcome: decision.outcome.rawValue, score: decision.score)
    }
}
