import Foundation

/// The weights a roster is matched with, per comparison level, and where they came from: set
/// by hand (`handSet`, the priors) or estimated from the night's roster (`IdentityIndex.estimate`).
/// Codable, so an import can keep the parameters it decided with and a decision can be
/// explained later with the weights that made it.
public struct MatchParameters: Sendable, Codable, Equatable {
    /// Added to a candidate's name score at each `ComparisonVector.Name` level. The name score
    /// itself stays term-frequency adjusted (SILVA weighs less than QUISPE); the offset moves
    /// the level's average to the estimated log2(m/u), as Splink does with its term-frequency
    /// adjustments around a level weight.
    public var nameOffset: [Double]
    /// log2(m/u) at each `ComparisonVector.BirthDate` level. Birth date and sex are the block,
    /// so the roster cannot tell their m from a chance agreement: these stay as set by hand.
    public var birthDate: [Double]
    /// log2(m/u) at each `ComparisonVector.Card` level.
    public var card: [Double]
    /// The estimated m and u per level, for the record (empty when set by hand).
    public var m: [String: [Double]] = [:]
    public var u: [String: [Double]] = [:]
    /// The estimated share of compared pairs that are the same person.
    public var matchShare: Double?
    /// Pairs the estimate was made from (0 when set by hand), and a plain-English account.
    public var pairs = 0
    public var source: String

    public static let handSet = MatchParameters(
        nameOffset: [0, 0, 0, 0],
        birthDate: [MatchWeights.dateExact, MatchWeights.dateNear, MatchWeights.dateOther],
        card: [MatchWeights.cardEqual, MatchWeights.cardConflict, 0],
        source: "set by hand")
}
