/// The Fellegi–Sunter comparison vector of a roster row and a resident: the level each field
/// agrees at. Weights are kept per level (`MatchParameters`), so the vector is what a decision
/// is explained by and what expectation–maximisation counts.
public struct ComparisonVector: Sendable, Hashable, Codable {
    public enum Name: Int, Sendable, Codable, CaseIterable {
        /// Every part the roster writes is one of the resident's, spelt the same way.
        case exact
        /// Every roster part is one of the resident's, some only closely.
        case close
        /// Some parts agree and a roster part is not the resident's.
        case partial
        /// No part agrees.
        case disagree
    }

    public enum BirthDate: Int, Sendable, Codable, CaseIterable {
        case exact
        /// A day off, or day and month swapped, in the same year.
        case near
        case other
    }

    public enum Card: Int, Sendable, Codable, CaseIterable {
        case equal, conflict
        /// The roster or the resident carries no card number.
        case missing
    }

    /// Sex agrees for every candidate the blocks bring in, except a card holder found by number.
    public enum Sex: Int, Sendable, Codable {
        case agree, disagree
    }

    /// Partner rosters carry no nationality today; the field is in the vector so that a report
    /// says so rather than leaving it out.
    public enum Nationality: Int, Sendable, Codable {
        case missing
    }

    public let name: Name
    public let birthDate: BirthDate
    public let sex: Sex
    public let card: Card
    public let nationality: Nationality
}

/// One candidate's comparison as a reviewer needs it: the vector and the weight each field
/// added to the score, with the name broken down by part.
public struct CandidateComparison: Sendable, Codable {
    public let residentID: Int64
    public let vector: ComparisonVector
    public let names: [PartWeight]
    public let nameWeight: Double
    public let birthDateWeight: Double
    public let sexWeight: Double
    public let cardWeight: Double
    public let nationalityWeight: Double
    public var total: Double { nameWeight + birthDateWeight + sexWeight + cardWeight + nationalityWeight }

    /// One line for a match report: each field's level and weight, the name part by part.
    /// Built piece by piece into one string: a report writes two a row, and interpolating them
    /// took a twentieth of a roster import.
    public var summary: String {
        var line = "K"
        line.reserveCapacity(192)
        func weight(_ x: Double) { FixedPoint.append(x, places: 1, signed: true, to: &line) }
        func field(_ label: String, _ level: some CustomStringConvertible, _ x: Double) {
            line += label
            line += level.description
            line += " "
            weight(x)
        }
        line += String(residentID)
        line += " "
        weight(total)
        field(": name ", vector.name, nameWeight)
        line += " ["
        for (i, part) in names.enumerated() {
            if i > 0 { line += ", " }
            line += part.query ?? "-"
            line += "~"
            line += part.resident ?? "-"
            line += " "
            weight(part.weight)
        }
        line += "]"
        field("; birth date ", vector.birthDate, birthDateWeight)
        field("; sex ", vector.sex, sexWeight)
        field("; card ", vector.card, cardWeight)
        field("; nationality ", vector.nationality, nationalityWeight)
        return line
    }
}

// The levels by name, as a report writes them: spelt out here, since interpolating an enum
// without a description goes through reflection, which cost more than the rest of a row's
// report line.

extension ComparisonVector.Name: CustomStringConvertible {
    public var description: String {
        switch self {
        case .exact: "exact"
        case .close: "close"
        case .partial: "partial"
        case .disagree: "disagree"
        }
    }
}

extension ComparisonVector.BirthDate: CustomStringConvertible {
    public var description: String {
        switch self {
        case .exact: "exact"
        case .near: "near"
        case .other: "other"
        }
    }
}

extension ComparisonVector.Card: CustomStringConvertible {
    public var description: String {
        switch self {
        case .equal: "equal"
        case .conflict: "conflict"
        case .missing: "missing"
        }
    }
}

extension ComparisonVector.Sex: CustomStringConvertible {
    public var description: String {
        switch self {
        case .agree: "agree"
        case .disagree: "disagree"
        }
    }
}

extension ComparisonVector.Nationality: CustomStringConvertible {
    public var description: String { "missing" }
}
