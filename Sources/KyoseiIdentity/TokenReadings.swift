import Synchronization

/// One Latin name token's readings in one spelling tradition, worked out once per process.
/// A city's names are made of few distinct tokens: the million residents of the benchmark city
/// wrote 2,977,475 Latin tokens, 6,727 distinct with their nationality, and each had been
/// transliterated and looked up in the pronouncing table again for every resident it named, a
/// sixth of a new resident's search text. The readings are a pure function of the token and
/// the tradition, so keeping them changes no key.
struct TokenReadings: Sendable {
    /// The tradition's own reading.
    let key: PhoneticKey
    /// Its sound (`SpokenReading`), where the tradition may be read that way and it differs.
    let spoken: PhoneticKey?
    /// `NameParser.alternateReadings` less the two above.
    let alternates: [PhoneticKey]

    static func of(_ token: String, language: SpellingLanguage) -> TokenReadings {
        let slot = Slot(token: token, language: language)
        if let known = memo.entries.withLock({ $0[slot] }) { return known }
        let readings = TokenReadings(token, language: language)
        memo.entries.withLock { entries in
            // A roster of made-up or misspelt names could grow it without end: start again.
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            entries[slot] = readings
        }
        return readings
    }

    private init(_ token: String, language: SpellingLanguage) {
        let key = PhoneticKey(latin: token, language: language)
        var spoken: PhoneticKey?
        if language.readsBySound, let sound = SpokenReading.key(token).map(PhoneticKey.init(reducing:)), sound != key {
            spoken = sound
        }
        self.key = key
        self.spoken = spoken
        alternates = NameParser.alternateReadings(token, language: language).filter { $0 != key && $0 != spoken }
    }

    private struct Slot: Hashable {
        let token: String
        let language: SpellingLanguage
    }

    private final class Memo: Sendable {
        let entries = Mutex<[Slot: TokenReadings]>([:])
    }

    private static let memo = Memo()
    /// About 12 MB at most; a large real city's names are a few tens of thousands of tokens.
    private static let limit = 50_000
}
