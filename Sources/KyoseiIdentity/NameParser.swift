/// Splits a name into the parts the matcher aligns, each with its phonetic key. A particle
/// (DA, DOS, DE LA) is not a part of its own: it rides on the surname after it, which keeps a
/// second key for the joined spelling (ダシルバ) next to the bare one (シルバ). A name the
/// pronouncing table knows also keeps the key of its sound (MICHAEL as マイケル) when its
/// tradition may be read that way.
enum NameParser {
    struct Part {
        let key: PhoneticKey
        let joined: PhoneticKey?
        var spoken: PhoneticKey? = nil
    }

    static func latinParts(_ text: String, language: SpellingLanguage) -> [Part] {
        let tokens = NameNormalizer.latinTokens(text)
        let particles = language.particles
        return parts(tokens, isParticle: { particles.contains($0) }) { PhoneticKey(latin: $0, language: language) }
            .map { token, part in
                guard language.readsBySound, let sound = SpokenReading.key(token).map(PhoneticKey.init(reducing:)),
                      sound != part.key else { return part }
                var part = part
                part.spoken = sound
                return part
            }
    }

    static func kanaParts(_ text: String) -> [Part] {
        parts(KatakanaNormalizer.tokens(text), isParticle: { particleKeys.contains(PhoneticKey(normalizedKana: $0)) }) {
            PhoneticKey(normalizedKana: $0)
        }.map(\.1)
    }

    /// The keys of particles as any romance or English spelling and any katakana writes them.
    static let particleKeys: Set<PhoneticKey> = {
        var keys = Set<PhoneticKey>()
        for language in SpellingLanguage.allCases {
            for particle in language.particles { keys.insert(PhoneticKey(latin: particle, language: language)) }
        }
        return keys
    }()

    private static func parts(_ tokens: [String], isParticle: (String) -> Bool,
                              key: (String) -> PhoneticKey) -> [(String, Part)] {
        var parts: [(String, Part)] = []
        var pending: [String] = []
        for (index, token) in tokens.enumerated() {
            if index < tokens.count - 1, isParticle(token) {
                pending.append(token)
                continue
            }
            let joined = pending.isEmpty ? nil : key((pending + [token]).joined())
            parts.append((token, Part(key: key(token), joined: joined)))
            pending = []
        }
        return parts
    }
}
