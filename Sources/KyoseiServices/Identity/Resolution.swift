import Dispatch
import Foundation
import KyoseiIdentity

/// The resolver's answer for one incoming person, whatever the policy.
struct Resolution: Sendable {
    var outcome: MatchOutcome
    /// The resident to link; set only when `outcome` is `matched`.
    var residentID: Int64?
    /// For `review`, the residents a person must choose between, best first.
    var candidates: [Int64]
    var reason: String
    /// The scored policy's decision, for its score and its explanation.
    var decision: MatchDecision?

    static let none = Resolution(outcome: .unmatched, residentID: nil, candidates: [], reason: "nobody comes close")

    static func link(_ resident: Int64, _ reason: String) -> Resolution {
        Resolution(outcome: .matched, residentID: resident, candidates: [resident], reason: reason)
    }

    static func review(_ candidates: [Int64], _ reason: String) -> Resolution {
        Resolution(outcome: .review, residentID: nil, candidates: candidates, reason: reason)
    }

    init(outcome: MatchOutcome, residentID: Int64?, candidates: [Int64], reason: String, decision: MatchDecision? = nil) {
        self.outcome = outcome
        self.residentID = residentID
        self.candidates = candidates
        self.reason = reason
        self.decision = decision
    }

    init(_ decision: MatchDecision) {
        self.init(outcome: decision.outcome, residentID: decision.residentID, candidates: decision.candidates,
                  reason: decision.reason, decision: decision)
    }

    /// `explain` of each resolution, for many at once on every core: worked out one by one on
    /// the import's thread, the explanations and their text cost more than the matching did.
    static func explainAll<Explained: Sendable>(_ resolutions: [Resolution],
                                                _ explain: @Sendable (Resolution) -> Explained) -> [Explained] {
        guard !resolutions.isEmpty else { return [] }
        let pieces = max(1, min(resolutions.count / 16, ProcessInfo.processInfo.activeProcessorCount * 8))
        return [Explained](unsafeUninitializedCapacity: resolutions.count) { buffer, count in
            nonisolated(unsafe) let out = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                let range = (resolutions.count * piece / pieces)..<(resolutions.count * (piece + 1) / pieces)
                for i in range { (out + i).initialize(to: explain(resolutions[i])) }
            }
            count = resolutions.count
        }
    }
}
