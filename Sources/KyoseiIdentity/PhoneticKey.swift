/// The alphabet both scripts are brought to before they are compared: upper-case letters of a
/// Japanese-syllable romanisation in which the distinctions Japanese does not hear in foreign
/// names are gone (L = R, V = B, F = H, DI = ZI, DU = ZU), a palatal glide is Y (シャ = SYA, as a
/// Latin XIA or SHA becomes), long and doubled vowels are one vowel
/// (OU = O, EI = E, as サトウ = サトー), and doubled consonants are one (ッ leaves no trace).
public struct PhoneticKey: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    init(reducing raw: [UInt8]) { bytes = Self.reduce(raw) }

    /// The key of a katakana name part as anyone writes it (half-width, hiragana, with ヴ).
    public init(kana text: String) {
        self.init(normalizedKana: KatakanaNormalizer.tokens(text).joined())
    }

    /// The key of a part `KatakanaNormalizer` has already brought to normal form.
    init(normalizedKana token: String) { self.init(reducing: KanaRomanizer.romanize(token)) }

    /// The key of a Latin name part, read with the spelling rules of `language`.
    public init(latin token: String, language: SpellingLanguage) {
        self.init(reducing: LatinTransliterator.transliterate(Array(token.utf8), language: language))
    }

    /// The key of a Latin name part read letter by letter as romaji (`LatinTransliterator.letters`).
    init(letters token: String) {
        self.init(reducing: LatinTransliterator.letters(Array(token.utf8)))
    }

    public var description: String { String(decoding: bytes, as: UTF8.self) }

    static func isVowel(_ c: UInt8) -> Bool {
        c == 0x41 || c == 0x45 || c == 0x49 || c == 0x4F || c == 0x55
    }

    /// The letters are mapped on the stack: every row a roster matches is keyed in katakana and
    /// in each language its candidates' Latin is read in, and an array for them took a ninth of
    /// the million-resident import's time in the allocator.
    private static func reduce(_ raw: [UInt8]) -> [UInt8] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(raw.count, 1)) { letters in
            var count = 0
            for c in raw {
                let mapped: UInt8
                switch c {
                case A("F"): mapped = A("H")
                case A("V"): mapped = A("B")
                case A("L"): mapped = A("R")
                case A("C"), A("Q"): mapped = A("K")
                case A("X"): mapped = A("S")
                case A("J"): mapped = A("Z")
                case 0x41...0x5A: mapped = c
                default: continue
                }
                letters[count] = mapped
                count += 1
            }
            var out: [UInt8] = []
            out.reserveCapacity(count)
            for i in 0..<count {
                let next: UInt8 = i + 1 < count ? letters[i + 1] : 0
                var c = letters[i]
                if c == A("D"), next == A("I") || next == A("U") { c = A("Z") }
                if c == A("Y"), next == A("I") { continue }
                if c == A("W"), next == A("U") { continue }
                if let last = out.last {
                    if last == c { continue }
                    if last == A("O"), c == A("U") { continue }
                    if last == A("E"), c == A("I") { continue }
                    if last == A("T"), c == A("S") { continue }
                }
                out.append(c)
            }
            return out
        }
    }

    private static func A(_ s: Unicode.Scalar) -> UInt8 { UInt8(s.value) }
}
