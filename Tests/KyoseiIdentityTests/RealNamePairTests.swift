import KyoseiDomain
import KyoseiIdentity
import Testing

/// The matcher on names it was not written against: real Latin–katakana pairs (`RealNameCity`)
/// rendered the ways partners write them. The floors are what the matcher measured when they
/// were set (README, "Recognising people"); a change that lowers them fails here.
@Suite struct RealNamePairTests {
    static let city = RealNameCity(residents: 3_000, seed: 17)

    struct Quality: CustomStringConvertible {
        var rows = 0, residentRows = 0, matched = 0, correct = 0, review = 0
        var precision: Double { matched == 0 ? 1 : Double(correct) / Double(matched) }
        var recall: Double { residentRows == 0 ? 1 : Double(correct) / Double(residentRows) }
        var reviewShare: Double { rows == 0 ? 0 : Double(review) / Double(rows) }
        var description: String {
            "rows \(rows) precision \(precision) recall \(recall) review share \(reviewShare)"
        }
    }

    static func measure(_ decide: (IdentityQuery) -> MatchDecision) -> Quality {
        var q = Quality()
        for row in city.rows {
            let decision = decide(row.query)
            q.rows += 1
            if row.truth != nil { q.residentRows += 1 }
            switch decision.outcome {
            case .matched:
                q.matched += 1
                if decision.residentID == row.truth { q.correct += 1 }
            case .review: q.review += 1
            case .unmatched: break
            }
        }
        return q
    }

    static let index: IdentityIndex = {
        let index = IdentityIndex()
        for resident in city.residents { index.add(resident.record) }
        index.compact()
        return index
    }()

    @Test func realNamePairsWithHandSetWeights() {
        let quality = Self.measure(Self.index.match)
        print("real-name pairs, hand-set weights: \(quality)")
        #expect(quality.rows >= 2_900)
        #expect(quality.precision >= 0.995, "\(quality)")
        #expect(quality.recall >= 0.91, "\(quality)")
        #expect(quality.reviewShare <= 0.03, "\(quality)")
    }
}

extension RealNamePairTests {
    @Test func realNamePairsWithEstimatedWeights() {
        let parameters = Self.index.estimate(Self.city.rows.map(\.query))
        let quality = Self.measure { Self.index.match($0, using: parameters) }
        print("real-name pairs, estimated weights: \(quality)\n  \(parameters.source) offsets \(parameters.nameOffset) card \(parameters.card)")
        #expect(parameters.source.hasPrefix("estimated"))
        #expect(quality.precision >= 0.995, "\(quality)")
        #expect(quality.recall >= 0.92, "\(quality)")
        #expect(quality.reviewShare <= 0.03, "\(quality)")
    }
}
