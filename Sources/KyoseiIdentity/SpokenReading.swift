/// A Latin name read by its sound rather than its letters, for names whose katakana a partner
/// wrote from hearing them: MICHAEL is マイケル, not ミカエル, and MCNUTT is マクナット. The
/// sounds come from the CMU Pronouncing Dictionary (`pronouncedNames`, generated); the rules
/// below turn them into kana the way Japanese loanwords do: a consonant with no vowel after it
/// takes an echo vowel (T and D take O, CH and JH take I, the rest U), an R after a vowel
/// lengthens it and leaves no letter unless a vowel follows (VALERIE バレリー), the vowel of CAT
/// after K or G is written キャ/ギャ (CATHY キャシー), and M before B or P is the moraic N.
enum SpokenReading {
    /// The key letters of a name the table knows, or nil.
    static func key(_ name: String) -> [UInt8]? {
        guard let codes = table[name] else { return nil }
        return letters(codes.map { byCode[$0]! })
    }

    /// The phonemes in the order the generator writes them, one letter each.
    static let phonemes = ("AA AE AH AO AW AY B CH D DH EH ER EY F G HH IH IY JH K L M N NG OW OY P R S SH "
        + "T TH UH UW V W Y Z ZH").split(separator: " ").map(String.init)

    private static let byCode = Dictionary(uniqueKeysWithValues: zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM", phonemes))

    /// Name to its phoneme letters; both are short enough for Swift to keep inline, so the
    /// table of some 25,000 names costs little more than its text.
    private static let table: [String: String] = {
        var table: [String: String] = [:]
        for line in pronouncedNames.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 2 else { continue }
            table[String(fields[0])] = String(fields[1])
        }
        return table
    }()

    private static let vowels: [String: String] = [
        "AA": "A", "AE": "A", "AH": "A", "AO": "O", "AW": "AU", "AY": "AI", "EH": "E", "ER": "A", "EY": "EI",
        "IH": "I", "IY": "I", "OW": "O", "OY": "OI", "UH": "U", "UW": "U",
    ]

    /// Each consonant before a vowel, and (second) with no vowel after it.
    private static let consonants: [String: (String, String)] = [
        "B": ("B", "BU"), "CH": ("TY", "TI"), "D": ("D", "DO"), "DH": ("Z", "ZU"), "F": ("F", "FU"), "G": ("G", "GU"),
        "HH": ("H", ""), "JH": ("ZY", "ZI"), "K": ("K", "KU"), "L": ("L", "RU"), "M": ("M", "MU"), "N": ("N", "N"),
        "NG": ("NG", "NGU"), "P": ("P", "PU"), "R": ("R", "RU"), "S": ("S", "SU"), "SH": ("SY", "SYU"),
        "T": ("T", "TO"), "TH": ("S", "SU"), "V": ("B", "BU"), "W": ("W", "U"), "Y": ("Y", "I"), "Z": ("Z", "ZU"),
        "ZH": ("ZY", "ZI"),
    ]

    private static func letters(_ sounds: [String]) -> [UInt8] {
        var out = ""
        for (i, sound) in sounds.enumerated() {
            let next = i + 1 < sounds.count ? sounds[i + 1] : nil
            if let vowel = vowels[sound] {
                if sound == "AE", i > 0, sounds[i - 1] == "K" || sounds[i - 1] == "G" { out += "Y" }
                out += vowel
                if sound == "ER", let next, vowels[next] != nil { out += "R" }
                continue
            }
            let previousIsVowel = i > 0 && vowels[sounds[i - 1]] != nil
            guard let (beforeVowel, bare) = consonants[sound] else { continue }
            if let next, vowels[next] != nil {
                out += beforeVowel
            } else if sound == "R", previousIsVowel {
                continue
            } else if sound == "M", next == "B" || next == "P" {
                out += "N"
            } else if (sound == "Y" || sound == "W"), next == nil {
                continue
            } else {
                out += bare
            }
        }
        return Array(out.utf8)
    }
}
