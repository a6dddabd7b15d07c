@testable import KyoseiIdentity
import PropertyBased
import Testing

/// The readings kept per token must be the readings worked out afresh, whether they come from
/// the first call, from the kept ones, or from after the store was started again when full.
@Suite struct TokenReadingsTests {
    private static func fresh(_ token: String, _ language: SpellingLanguage) -> (PhoneticKey, PhoneticKey?, [PhoneticKey]) {
        let key = PhoneticKey(latin: token, language: language)
        let sound = language.readsBySound ? SpokenReading.key(token).map(PhoneticKey.init(reducing:)) : nil
        let spoken = sound == key ? nil : sound
        return (key, spoken, NameParser.alternateReadings(token, language: language).filter { $0 != key && $0 != spoken })
    }

    private static func matches(_ token: String, _ language: SpellingLanguage) -> Bool {
        let kept = TokenReadings.of(token, language: language)
        let (key, spoken, alternates) = fresh(token, language)
        return kept.key == key && kept.spoken == spoken && kept.alternates == alternates
    }

    @Test func keptReadingsAreTheReadingsWorkedOutAfresh() async {
        let letters = Gen.element(of: Array("ABCDEGHIJKLMNOPQRSTUVWXYZ")).map { $0! }
        let language = Gen.element(of: SpellingLanguage.allCases).map { $0! }
        await propertyCheck(input: letters.array(of: 1...10), language) { chars, language in
            let token = String(chars)
            #expect(Self.matches(token, language))
            #expect(Self.matches(token, language))
        }
    }

    /// Names the pronouncing table knows, in traditions read by sound and not.
    @Test func soundsAreKeptWithTheTradition() {
        for token in ["MICHAEL", "MCNUTT", "LILIAN", "DAVE", "JENNIFER"] {
            for language in [SpellingLanguage.english, .filipino, .portuguese, .vietnamese] {
                #expect(Self.matches(token, language), "\(token) \(language)")
            }
        }
        #expect(TokenReadings.of("MICHAEL", language: .english).spoken != nil)
    }

    /// More distinct tokens than the store keeps: it starts again, and what it gives stays right.
    @Test func aFullStoreStartsAgainAndStaysRight() {
        for n in 0..<50_100 {
            // n's digits in base 26, as letters: a distinct token for each n.
            var token = "Q", rest = n
            repeat {
                token.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(rest % 26))))
                rest /= 26
            } while rest > 0
            _ = TokenReadings.of(token, language: .generic)
        }
        #expect(Self.matches("NGUYEN", .vietnamese))
        #expect(Self.matches("SANTOS", .portuguese))
        #expect(Self.matches("Q", .generic))
    }
}
