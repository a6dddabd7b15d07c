import Foundation
@testable import KyoseiIdentity
import PropertyBased
import Testing

/// A review's explanation is written by hand for speed; the review desk reads it with
/// `JSONDecoder`, and reviews written before kept `JSONEncoder`'s text. The two must be the
/// same bytes for any explanation.
@Suite struct MatchExplanationJSONTests {
    static func encoder(_ explanation: MatchExplanation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(explanation), as: UTF8.self)
    }

    static func explanation(weights: [Double], texts: [String?], level: Int, id: Int64, withRunnerUp: Bool) -> MatchExplanation {
        func weight(_ i: Int) -> Double { weights[i % weights.count] }
        func text(_ i: Int) -> String? { texts.isEmpty ? nil : texts[i % texts.count] }
        func comparison(_ shift: Int) -> CandidateComparison {
            CandidateComparison(
                residentID: id &+ Int64(shift),
                vector: ComparisonVector(name: ComparisonVector.Name.allCases[(level + shift) % 4],
                                         birthDate: ComparisonVector.BirthDate.allCases[level % 3],
                                         sex: level % 2 == 0 ? .agree : .disagree,
                                         card: ComparisonVector.Card.allCases[(level / 3) % 3], nationality: .missing),
                names: (0..<(level + shift) % 4).map {
                    PartWeight(query: text($0 + shift), resident: text($0 + shift + 1), similarity: weight($0), weight: weight($0 + 1))
                },
                nameWeight: weight(shift), birthDateWeight: weight(shift + 1), sexWeight: weight(shift + 2),
                cardWeight: weight(shift + 3), nationalityWeight: weight(shift + 4))
        }
        return MatchExplanation(best: level % 5 == 4 ? nil : comparison(0), runnerUp: withRunnerUp ? comparison(1) : nil,
                                parameters: text(7) ?? "hand-set")
    }

    /// Doubles of every size, integral and not, and strings with every character the encoder escapes.
    @Test func anyExplanationIsTheEncodersBytes() async throws {
        let weight = zip(Gen.double(in: -1...1), Gen.int(in: -12...25), Gen.bool).map { x, exponent, whole in
            whole ? (x * 100).rounded() : x * pow(10, Double(exponent))
        }
        let character = Gen.unicodeScalar(in: "\u{0}"..."\u{7F}").map { Character($0) }
        let text: [String?] = [nil, "", "SANTOSU", "PATORISIA+JURIANA", "日本 ナカムラ", "Ｋ430 é"]
        let texts = zip(Gen.element(of: text), character.string(of: 0...6)).map { [$0 ?? nil, $1] as [String?] }
        await propertyCheck(input: weight.array(of: 1...6), texts, Gen.int(in: 0...19), Gen.bool) { weights, texts, level, withRunnerUp in
            let explanation = Self.explanation(weights: weights, texts: texts, level: level, id: Int64(level) * 7_919, withRunnerUp: withRunnerUp)
            let handWritten = try explanation.json()
            #expect(handWritten == (try Self.encoder(explanation)))
            let decoded = try JSONDecoder().decode(MatchExplanation.self, from: Data(handWritten.utf8))
            #expect((try decoded.json()) == handWritten)
        }
    }

    @Test func edgeNumbersAreTheEncodersBytes() throws {
        let edges: [Double] = [0, -0.0, 1, -20, 0.1 + 0.2, 1e-7, 1e-5, 1e15, 1e16, 1e21, -123_456_789.125,
                               .leastNonzeroMagnitude, .greatestFiniteMagnitude, .ulpOfOne]
        for edge in edges {
            let explanation = Self.explanation(weights: [edge], texts: ["\"\\/\u{8}\u{C}\n\r\t\u{1F}"], level: 1, id: 1, withRunnerUp: true)
            #expect((try explanation.json()) == (try Self.encoder(explanation)), "\(edge)")
        }
    }

    /// The encoder refuses a weight that is not a number; so does the hand-written form, so
    /// such a review still fails the import rather than keeping text the desk cannot read.
    @Test func aWeightThatIsNotANumberIsRefusedAsTheEncoderRefusesIt() {
        for bad in [Double.nan, .infinity, -.infinity] {
            let explanation = Self.explanation(weights: [1, bad], texts: [], level: 2, id: 3, withRunnerUp: false)
            #expect(throws: EncodingError.self) { try Self.encoder(explanation) }
            #expect(throws: EncodingError.self) { try explanation.json() }
        }
    }
}
