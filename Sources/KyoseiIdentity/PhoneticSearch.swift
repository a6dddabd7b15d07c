import KyoseiDomain

/// Search across scripts: a clerk who hears グエン types katakana, and the register holds
/// NGUYEN in Latin letters only. Both are brought to the matcher's phonetic keys
/// (`PhoneticKey`, with each name read in its nationality's spelling and by its sound) and,
/// for the index, to a coarse form of them that a full-text index can look up by equality:
/// the consonants by class (K/G; S/Z/T/D, since チ, ジ and ツ stand for T, D, Z and CH alike;
/// N/M; B/P), with vowels and the consonants katakana drops or turns into a vowel (H, R, L,
/// W, Y: ALVES is アウベス, HUAMAN ワマン, HYEEUN ヒェウン) left out. Measured on a sample city,
/// a finer form (H/R and W kept, T apart from S) found only 84% of residents by their
/// katakana. The coarse form finds; the keys rank.
public enum PhoneticSearch {
    /// Marks the coarse keys in the index so that no word anyone types is taken for one.
    public static let marker = "9"

    /// The coarse keys a resident's row carries in the search index, one per distinct reading
    /// of each part.
    public static func indexTokens(latin: String, kana: String?, nationality: Nationality?) -> [String] {
        var tokens: [String] = []
        for key in keys(latin: latin, kana: kana, nationality: nationality).flatMap({ $0 }) {
            let token = coarse(key)
            if !tokens.contains(token) { tokens.append(token) }
        }
        return tokens
    }

    /// The coarse key of each part of a katakana, hiragana or half-width fragment.
    public static func queryTokens(japanese fragment: String) -> [String] {
        parts(fragment).map(coarse)
    }

    /// A fragment's parts by key, less particles (ドス, ダ, デラ): the index keeps those only
    /// joined to their surname, as the matcher does.
    private static func parts(_ fragment: String) -> [PhoneticKey] {
        KatakanaNormalizer.tokens(fragment).map(PhoneticKey.init(normalizedKana:)).filter { !NameParser.particleKeys.contains($0) }
    }

    /// The least a typed part must sound like one of the resident's. Lower than the matcher's
    /// close level, since a clerk types what they heard: at the close level (0.7) a sample
    /// city's residents were found in the first ten by their katakana 95.6% of the time (real
    /// name pairs 88.1%), at 0.6 96.6% (91.4%), while グエン ラン still leaves NGUYEN VAN MINH out.
    static let partFloor = 0.6

    /// A resident's name read every way the search compares it: each part by its letters in
    /// the nationality's spelling, by its sound, joined to its particles, and the katakana
    /// reading's parts.
    public struct Readings: Sendable {
        /// Per part, its readings.
        let parts: [[[UInt8]]]

        public init(latin: String, kana: String?, nationality: Nationality?) {
            parts = PhoneticSearch.keys(latin: latin, kana: kana, nationality: nationality).map { $0.map(\.bytes) }
        }
    }

    /// How well the fragments' parts sound like the resident's name: each query part scores
    /// its best reading among the resident's parts, and the scores are averaged (0 to 1); nil
    /// when a part sounds like none of theirs (グエン ラン is not NGUYEN VAN MINH). The last part
    /// may be unfinished, so it is also compared with the start of each reading. A particle
    /// counts only where the resident has it (Vietnamese VAN is a name, Dutch VAN not). Between
    /// residents who sound alike, the one whose parts the query names more of comes first:
    /// NGUYEN VAN THANH before NGUYEN THANH DUNG for グエン バン タイン.
    public static func similarity(japanese fragments: [String], to readings: Readings) -> Double? {
        let keys = fragments.flatMap(KatakanaNormalizer.tokens).map(PhoneticKey.init(normalizedKana:))
        var total = 0.0, counted = 0
        var named = Set<Int>()
        for (position, key) in keys.enumerated() {
            var best = 0.0, bestPart = -1
            for (index, part) in readings.parts.enumerated() {
                for reading in part {
                    var s = KeyDistance.similarity(key.bytes, reading)
                    if position == keys.count - 1, reading.count > key.bytes.count {
                        s = max(s, KeyDistance.similarity(key.bytes, Array(reading.prefix(key.bytes.count))))
                    }
                    if s > best { (best, bestPart) = (s, index) }
                }
            }
            if NameParser.particleKeys.contains(key), best < MatchWeights.exactLevel { continue }
            guard best >= partFloor else { return nil }
            if best >= MatchWeights.exactLevel { named.insert(bestPart) }
            total += best
            counted += 1
        }
        guard counted > 0 else { return nil }
        return total / Double(counted) + 0.05 * Double(named.count) / Double(max(1, readings.parts.count))
    }

    /// Each part's readings: its letters in the nationality's spelling, its sound where the
    /// pronouncing table knows it, the particle-joined spelling, and the katakana reading's parts.
    private static func keys(latin: String, kana: String?, nationality: Nationality?) -> [[PhoneticKey]] {
        let language = SpellingLanguage(nationality: nationality)
        var parts = NameParser.latinParts(latin, language: language, alternates: false).map { [$0.key] + [$0.spoken, $0.joined].compactMap { $0 } }
        if let kana { parts += NameParser.kanaParts(kana).map { [$0.key] } }
        return parts
    }

    static func coarse(_ key: PhoneticKey) -> String {
        var out = Array(marker.utf8)
        var last: UInt8 = 0
        for byte in key.bytes {
            let cls: UInt8
            switch byte {
            case UInt8(ascii: "K"), UInt8(ascii: "G"): cls = UInt8(ascii: "K")
            case UInt8(ascii: "S"), UInt8(ascii: "Z"), UInt8(ascii: "T"), UInt8(ascii: "D"): cls = UInt8(ascii: "S")
            case UInt8(ascii: "N"), UInt8(ascii: "M"): cls = UInt8(ascii: "N")
            case UInt8(ascii: "B"), UInt8(ascii: "P"): cls = UInt8(ascii: "B")
            default: continue
            }
            guard cls != last else { continue }
            out.append(cls)
            last = cls
        }
        // A part of vowels and glides alone (LEE as イ, YU as ユ) still needs a token of its own.
        if out.count == marker.utf8.count { out.append(UInt8(ascii: "V")) }
        return String(decoding: out, as: UTF8.self)
    }
}
