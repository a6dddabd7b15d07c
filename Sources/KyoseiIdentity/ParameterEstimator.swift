import Foundation

/// Expectation–maximisation of the Fellegi–Sunter m and u probabilities over the pairs a
/// roster's blocks compare (Fellegi & Sunter 1969; Winkler 1988; as fastLink does it), with the
/// hand-set weights as Dirichlet priors: a roster of a few hundred rows moves them little, a
/// night's roster of tens of thousands says what its partner's spellings and its city's block
/// mates really look like.
///
/// Only the name level and the card level are estimated. Birth date and sex are the block, so
/// every compared pair agrees on them and the roster cannot tell their m from their u.
struct ParameterEstimator {
    /// Pairs by (name level, card level), and the hand-set name score summed per name level.
    private(set) var counts = [Double](repeating: 0, count: nameLevels * cardLevels)
    private(set) var handNameSum = [Double](repeating: 0, count: nameLevels)
    private(set) var pairs = 0

    static let nameLevels = ComparisonVector.Name.allCases.count
    static let cardLevels = ComparisonVector.Card.allCases.count
    /// Fewer compared pairs than this and the hand-set weights are used as they are.
    static let minimumPairs = 500
    /// How many pairs' worth of belief the priors carry in each distribution.
    static let priorStrength = 200.0

    mutating func add(name: ComparisonVector.Name, card: ComparisonVector.Card, handNameScore: Double) {
        counts[name.rawValue * Self.cardLevels + card.rawValue] += 1
        handNameSum[name.rawValue] += handNameScore
        pairs += 1
    }

    /// The priors: how often a true match and a chance block mate land at each level, as the
    /// hand-set weights assume it (exact names for most true matches, a disagreeing name for
    /// most block mates; a card on a fifth of rows, never equal by chance).
    private static let mPrior: (name: [Double], card: [Double]) = ([0.80, 0.12, 0.06, 0.02], [0.20, 0.002, 0.798])
    private static let uPrior: (name: [Double], card: [Double]) = ([0.0005, 0.0045, 0.045, 0.95], [0.00001, 0.2, 0.79999])

    func estimate() -> MatchParameters {
        guard pairs >= Self.minimumPairs else {
            var parameters = MatchParameters.handSet
            parameters.pairs = pairs
            parameters.source = "set by hand: the roster gave \(pairs) compared pairs, fewer than \(Self.minimumPairs) to estimate from"
            return parameters
        }
        var m = Self.mPrior, u = Self.uPrior
        var share = 0.1
        var matchesAt = [Double](repeating: 0, count: Self.nameLevels)
        for _ in 0..<60 {
            var mName = Self.mPrior.name.map { $0 * Self.priorStrength }, uName = Self.uPrior.name.map { $0 * Self.priorStrength }
            var mCard = Self.mPrior.card.map { $0 * Self.priorStrength }, uCard = Self.uPrior.card.map { $0 * Self.priorStrength }
            var matches = 0.0
            matchesAt = matchesAt.map { _ in 0 }
            for n in 0..<Self.nameLevels {
                for c in 0..<Self.cardLevels {
                    let k = counts[n * Self.cardLevels + c]
                    guard k > 0 else { continue }
                    let pm = share * m.name[n] * m.card[c], pu = (1 - share) * u.name[n] * u.card[c]
                    let posterior = pm / (pm + pu)
                    mName[n] += posterior * k
                    mCard[c] += posterior * k
                    uName[n] += (1 - posterior) * k
                    uCard[c] += (1 - posterior) * k
                    matches += posterior * k
                    matchesAt[n] += posterior * k
                }
            }
            m = (Self.normalised(mName), Self.normalised(mCard))
            u = (Self.normalised(uName), Self.normalised(uCard))
            share = matches / Double(pairs)
        }
        let nameWeight = zip(m.name, u.name).map { log2($0 / $1) }
        let cardWeight = zip(m.card, u.card).map { min(max(log2($0 / $1), MatchWeights.cardConflict), MatchWeights.cardEqual) }
        // The exact level keeps the hand-set scale the thresholds are set in; the close level
        // moves to the estimated distance below it, as far as the pairs seen there support. The
        // levels that never attach a row by themselves (a roster part the resident lacks, no
        // part agreeing) keep their hand-set weights: moving them only moves rows between review
        // and unmatched, a line drawn for the reviewers' workload, not for the odds (measured:
        // the estimate there sent 8% of a sample roster to review instead of 2%).
        let handMean = (0..<Self.nameLevels).map { handNameSum[$0] / max(1, counts[$0 * Self.cardLevels..<($0 + 1) * Self.cardLevels].reduce(0, +)) }
        let offsets = (0..<Self.nameLevels).map { level -> Double in
            guard level == ComparisonVector.Name.close.rawValue, counts[level * Self.cardLevels..<(level + 1) * Self.cardLevels].reduce(0, +) > 0 else { return 0 }
            let estimatedGap = nameWeight[level] - nameWeight[0], handGap = handMean[level] - handMean[0]
            let seen = counts[level * Self.cardLevels..<(level + 1) * Self.cardLevels].reduce(0, +)
            return (estimatedGap - handGap) * seen / (seen + Self.priorStrength)
        }
        let levels = ComparisonVector.Name.allCases.map { "\($0)" }
        return MatchParameters(
            nameOffset: offsets, birthDate: MatchParameters.handSet.birthDate, card: cardWeight,
            m: ["name": m.name, "card": m.card], u: ["name": u.name, "card": u.card], matchShare: share, pairs: pairs,
            source: "estimated by EM from \(pairs) compared pairs (match share \(String(format: "%.3f", share)); name levels "
                + zip(levels, nameWeight).map { "\($0) \(String(format: "%.1f", $1))" }.joined(separator: ", ") + ")")
    }

    private static func normalised(_ values: [Double]) -> [Double] {
        let total = values.reduce(0, +)
        return values.map { $0 / total }
    }
}
