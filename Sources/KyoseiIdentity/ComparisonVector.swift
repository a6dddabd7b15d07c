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
    public var summary: String {
        var line: [UInt8] = []
        appendSummary(to: &line)
        return String(decoding: line, as: UTF8.self)
    }

    /// `summary` added to the end of `line` as UTF-8. Built piece by piece into bytes: a report
    /// writes two a row, and interpolating them took a twentieth of a roster import, appending
    /// to a string still a fortieth.
    public func appendSummary(to line: inout [UInt8]) {
        line.reserveCapacity(line.count + 192)
        func text(_ piece: String) {
            var piece = piece
            piece.withUTF8 { line.append(contentsOf: $0) }
        }
        func weight(_ x: Double) { FixedPoint.append(x, places: 1, signed: true, to: &line) }
        func field(_ label: String, _ level: some CustomStringConvertible, _ x: Double) {
            text(label)
            text(level.description)
            line.append(UInt8(ascii: " "))
            weight(x)
        }
        line.append(UInt8(ascii: "K"))
        text(String(residentID))
        line.append(UInt8(ascii: " "))
        weight(total)
        field(": name ", vector.name, nameWeight)
        text(" [")
        for (i, part) in names.enumerated() {
            if i > 0 { text(", ") }
            text(part.query ?? "-")
            line.append(UInt8(ascii: "~"))
            text(part.resident ?? "-")
            line.append(UInt8(ascii: " "))
            weight(part.weight)
        }
        line.append(UInt8(ascii: "]"))
        field("; birth date ", vector.birthDate, birthDateWeight)
        field("; sex ", vector.sex, sexWeight)
        field("; card ", vector.card, cardWeight)
        field("; nationality ", vector.nationality, nationalityWeight)
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
