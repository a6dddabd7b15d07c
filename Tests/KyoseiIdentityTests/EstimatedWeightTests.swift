import Foundation
import KyoseiDomain
@testable import KyoseiIdentity
import KyoseiSampleData
import Testing

/// Weights estimated from a roster by expectation–maximisation: they must come back to what
/// generated the pairs, fall back to the hand-set weights on a roster too small to say, and
/// keep the quality bar on a labelled roster.
@Suite struct EstimatedWeightTests {
    @Test func recoversTheProbabilitiesThatGeneratedThePairs() {
        var estimator = ParameterEstimator()
        var rng = SplitMix(3)
        let m = [0.7, 0.2, 0.08, 0.02], u = [0.001, 0.009, 0.09, 0.9]
        func draw(_ p: [Double]) -> Int {
            var x = Double(rng.next() >> 11) / Double(1 << 53)
            for (i, q) in p.enumerated() { x -= q; if x < 0 { return i } }
            return p.count - 1
        }
        for _ in 0..<40_000 {
            let isMatch = rng.chance(0.1)
            let name = ComparisonVector.Name(rawValue: draw(isMatch ? m : u))!
            let card: ComparisonVector.Card = rng.chance(0.8) ? .missing : isMatch ? .equal : .conflict
            estimator.add(name: name, card: card, handNameScore: 0)
        }
        let parameters = estimator.estimate()
        #expect(abs((parameters.matchShare ?? 0) - 0.1) < 0.01, "\(parameters.source)")
        for (estimated, truth) in zip(parameters.m["name"] ?? [], m) { #expect(abs(estimated - truth) < 0.03, "\(parameters.m)") }
        for (estimated, truth) in zip(parameters.u["name"] ?? [], u) { #expect(abs(estimated - truth) < 0.03, "\(parameters.u)") }
    }

    /// An import keeps the parameters it decided with, to explain its decisions later.
    @Test func parametersSurviveBeingStored() throws {
        let parameters = RealNamePairTests.index.estimate(RealNamePairTests.city.rows.map(\.query))
        let stored = try JSONEncoder().encode(parameters)
        #expect(try JSONDecoder().decode(MatchParameters.self, from: stored) == parameters)
    }

    /// The rows are compared on every core; the weights must not depend on which thread
    /// finished first, or the same roster could link differently from one night to the next.
    @Test func theSameRosterGivesTheSameWeightsToTheBit() {
        let queries = RealNamePairTests.city.rows.map(\.query)
        let first = RealNamePairTests.index.estimate(queries)
        #expect(first.source.hasPrefix("estimated"))
        for _ in 0..<3 { #expect(RealNamePairTests.index.estimate(queries) == first) }
    }

    @Test func aTinyRosterKeepsTheHandSetWeights() throws {
        let index = IdentityIndex()
        let date = try LocalDate("1990-01-01")
        index.add(IdentityRecord(id: 1, nameLatin: "SILVA JOAO", nameKana: nil, birthDate: date, sex: .male,
                                 nationality: try Nationality("BR"), cardNumber: nil))
        let parameters = index.estimate([IdentityQuery(nameKana: "シルバ ジョアン", nameLatin: nil, birthDate: date, sex: .male,
                                                       cardNumber: nil)])
        #expect(parameters.nameOffset == MatchParameters.handSet.nameOffset)
        #expect(parameters.card == MatchParameters.handSet.card)
        #expect(parameters.source.hasPrefix("set by hand"))
    }

    @Test func keepsTheQualityBarOnASampleCityRoster() throws {
        let city = SampleCity(residents: 20_000, seed: 2012, asOf: try LocalDate("2026-04-01"))
        let index = RosterQuality.index(city)
        let roster = city.partnerRoster(share: 0.225, nonResidentShare: 0.028, seed: 6)
        let parameters = index.estimate(roster.map(RosterQuality.query))
        var hand = RosterQuality(), estimated = RosterQuality()
        for row in roster {
            hand.count(row, index.match(RosterQuality.query(row)))
            estimated.count(row, index.match(RosterQuality.query(row), using: parameters))
        }
        print("sample city, hand-set weights: \(hand.summary)\nsample city, estimated weights: \(estimated.summary)\n  \(parameters.source) offsets \(parameters.nameOffset) card \(parameters.card)")
        #expect(estimated.precision >= 0.995, "\(estimated.summary)")
        #expect(estimated.recall >= 0.95, "\(estimated.summary)")
        #expect(estimated.reviewShare <= 0.05, "\(estimated.summary)")
    }
}
