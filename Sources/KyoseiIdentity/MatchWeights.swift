import Foundation

/// The Fellegi–Sunter weights (log2 of m/u) and thresholds, in one place so that calibration
/// touches one file. They were set against the labelled sample-city rosters of
/// `IdentityQualityTests`: change one and that suite says what it did to precision and recall.
enum MatchWeights {
    /// Birth date equal: u is about 1 in 20,000 day-and-sex pairs; errors keep m below 1.
    static let dateExact = 10.0
    /// A day off or day and month swapped, same year: rare in true matches, rarer by chance.
    static let dateNear = 0.0
    /// A candidate found by card number alone whose birth date differs entirely.
    static let dateOther = -6.0
    /// A card number is issued to one person: equal numbers all but settle it.
    static let cardEqual = 20.0
    /// Both sides carry a card and they differ: a typo or another person.
    static let cardConflict = -12.0
    /// A part the roster writes that the resident's name does not have.
    static let unmatchedQueryPart = -9.0
    /// The same while the resident also has a part the roster lacks: the parts disagree, which
    /// is how a sibling, a twin or a namesake with another given name looks.
    static let disagreeingPart = -12.0
    /// A resident's part the roster left out: partners drop second surnames and middle names.
    static let unmatchedCandidatePart = -1.0
    static let unmatchedCandidateFloor = -2.0

    /// Similarity levels of a name part; below `closeLevel` the parts are not aligned, and
    /// count as a part one side has and the other lacks.
    static let exactLevel = 0.85
    static let closeLevel = 0.7

    /// Agreement weight of a part at a similarity level, from its term-frequency weight.
    static func agreement(similarity: Double, frequencyWeight w: Double) -> Double {
        similarity >= exactLevel ? w : 0.3 * w
    }

    static let matchThreshold = 18.0
    static let reviewThreshold = 13.0
    /// The best candidate must lead the next by this much to be attached automatically.
    static let runnerUpGap = 6.0
    /// Name evidence alone the best candidate needs before a card or date can carry it.
    static let minimumNameScore = 5.0
    /// What the match threshold rises by when the row was compared with many residents: each
    /// doubling of the candidates doubles the chance that one of them agrees by accident.
    /// Measured on the 1,000,000-resident bench, where a birth-date-and-sex block holds about 17
    /// residents: a slope of 0.3 bits a doubling above 8 candidates took an eighth of the wrong
    /// matches (strangers and lookalikes meeting a namesake) to review for 0.3% of recall; steeper
    /// slopes cost more recall than the bar leaves. Cities up to a few hundred thousand, whose
    /// blocks hold fewer than 8, are not affected.
    static func blockAllowance(compared: Int) -> Double {
        blockSlope * max(0, log2(Double(compared) / blockReference))
    }
    static let blockSlope = 0.3
    static let blockReference = 8.0
}
