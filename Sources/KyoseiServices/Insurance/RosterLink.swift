import KyoseiDomain
import KyoseiIdentity

/// How a roster's person (an insurance member, a school student) is linked to a resident: the
/// row in its table, the resident, and the identity resolver's outcome and score. Insurance and
/// school rosters share it, and the one way a resolution becomes a link.
struct RosterLink {
    var id: Int64?
    var residentID: Int64?
    var outcome: LinkOutcome
    var score: Double?

    /// Whom a link is for within its source: insurer and member number, or school and student
    /// number. Two strings rather than one joined, since each fits Swift's inline small string
    /// (up to 15 bytes) and a million keys then allocate nothing of their own.
    struct Key: Hashable {
        let issuer: String
        let number: String

        init(_ issuer: String, _ number: String) {
            self.issuer = issuer
            self.number = number
        }
    }

    /// The link a decision gives this person (keeping their row), counted in the roster's counts.
    /// A decision for a resident a person already refused for them (`review reject`) leaves them
    /// unmatched: the desk's answer outlasts the next roster.
    static func deciding(_ existing: RosterLink?, by resolution: Resolution, refusing refused: Set<Int64>,
                         counting counts: inout RosterCounts) -> RosterLink {
        let chosen = resolution.residentID ?? resolution.candidates.first
        let outcome = chosen.map(refused.contains) == true ? MatchOutcome.unmatched : resolution.outcome
        switch outcome {
        case .matched: counts.matched += 1
        case .review: counts.review += 1
        case .unmatched: counts.unmatched += 1
        }
        return RosterLink(id: existing?.id, residentID: outcome == .matched ? resolution.residentID : nil,
                          outcome: LinkOutcome(outcome), score: resolution.decision?.score)
    }

    /// Candidates refused for this person at the review desk.
    func refused(by reviews: IdentityReviewWriter) -> Set<Int64> {
        id.flatMap { reviews.refused[String($0)] } ?? []
    }
}

extension LinkOutcome {
    /// The link a resolver's decision makes; only staff at the review desk make one CONFIRMED.
    init(_ decision: MatchOutcome) {
        switch decision {
        case .matched: self = .matched
        case .review: self = .review
        case .unmatched: self = .unmatched
        }
    }
}
