/// Splits a name into the parts the matcher aligns, each with its phonetic key. A particle
/// (DA, DOS, DE LA) is not a part of its own: it rides on the surname after it, which keeps a
/// second key for the joined spelling (ダシルバ) next to the bare one (シルバ). A name the
/// pronouncing table knows also keeps the key of its sound (MICHAEL as マイケル) when its
/// tradition may be read that way, and every Latin part the keys of its other readings.
enum NameParser {
    struct Part {
        let key: PhoneticKey
        let joined: PhoneticKey?
        var spoken: PhoneticKey? = nil
        /// Readings a partner may have written besides the tradition's own (`alternateReadings`).
        var alternates: [PhoneticKey] = []
    }

    /// `alternates` false leaves the other readings out, for the search index, which does not
    /// use them: working them out was a tenth of a new resident's search text.
    static func latinParts(_ text: String, language: SpellingLanguage, alternates: Bool = true) -> [Part] {
        let tokens = NameNormalizer.latinTokens(text)
        let particles = language.particles
        return parts(tokens, isParticle: { particles.contains($0) }, read: { TokenReadings.of($0, language: language) }, key: \.key)
            .map { readings, part in
                var part = part
                part.spoken = readings.spoken
                if alternates { part.alternates = readings.alternates }
                return part
            }
    }

    /// What a partner may have written besides the reading of the name's own tradition: the
    /// letters read as romaji, as a clerk who does not know the language writes them (NGUYEN
    /// ングイエン, TRUNG トルング, XIUYING クシウイイング, Korean JI as ジ where Korean usage
    /// writes チ, TAYLOR タイロル), and for a Filipino name the Spanish reading as well as the
    /// English one (JENNIFER ヘニフェル beside ジェニファー).
    static func alternateReadings(_ token: String, language: SpellingLanguage) -> [PhoneticKey] {
        var readings = [PhoneticKey(letters: token)]
        if language == .filipino { readings.append(PhoneticKey(latin: token, language: .spanish)) }
        return readings
    }

    static func kanaParts(_ text: String) -> [Part] {
        parts(KatakanaNormalizer.tokens(text), isParticle: { particleKeys.contains(PhoneticKey(normalizedKana: $0)) },
              read: PhoneticKey.init(normalizedKana:), key: { $0 }).map(\.1)
    }

    /// The keys of particles as any romance or English spelling and any katakana writes them.
    static let particleKeys: Set<PhoneticKey> = {
        var keys = Set<PhoneticKey>()
        for language in SpellingLanguage.allCases {
            for particle in language.particles { keys.insert(PhoneticKey(latin: particle, language: language)) }
        }
        return keys
    }()

    /// Each part with what `read` made of its token (read once: a Latin token's readings come
    /// from a store behind a lock), and its key and joined key taken from such readings.
    private static func parts<Reading>(_ tokens: [String], isParticle: (String) -> Bool,
                                       read: (String) -> Reading, key: (Reading) -> PhoneticKey) -> [(Reading, Part)] {
        var parts: [(Reading, Part)] = []
        var pending: [String] = []
        for (index, token) in tokens.enumerated() {
            if index < tokens.count - 1, isParticle(token) {
                pending.append(token)
                continue
            }
            let joined = pending.isEmpty ? nil : key(read((pending + [token]).joined()))
            let reading = read(token)
            parts.append((reading, Part(key: key(reading), joined: joined)))
            pending = []
        }
        return parts
    }
}
