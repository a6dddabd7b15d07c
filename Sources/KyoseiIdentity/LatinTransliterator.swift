/// A Latin name part as a Japanese ear hears it, in the letters of `PhoneticKey`: the source
/// language's spelling rules first (Brazilian initial R as H, Spanish J as H, Vietnamese NG- and
/// TR-, pinyin X and Q, Korean EO, …), then every consonant that Japanese cannot leave bare
/// gets the echo vowel a katakana spelling gives it (T and D take O, the others U; N stays bare).
enum LatinTransliterator {
    static func transliterate(_ word: [UInt8], language: SpellingLanguage) -> [UInt8] {
        let rules = table[Int(language.rawValue)]
        var spelled: [UInt8] = []
        spelled.reserveCapacity(word.count + 4)
        var i = 0
        outer: while i < word.count {
            for rule in rules where rule.matches(word, at: i) {
                spelled.append(contentsOf: rule.replacement)
                i += rule.pattern.count
                continue outer
            }
            spelled.append(word[i])
            i += 1
        }
        return echoVowels(spelled)
    }

    private static func echoVowels(_ letters: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(letters.count * 2)
        for (i, c) in letters.enumerated() {
            if i > 0, c == letters[i - 1], !PhoneticKey.isVowel(c) { continue }
            out.append(c)
            guard !PhoneticKey.isVowel(c) else { continue }
            let next: UInt8? = i + 1 < letters.count ? letters[i + 1] : nil
            if let next, PhoneticKey.isVowel(next) || next == c { continue }
            switch c {
            case 0x4E:
                continue
            case 0x59, 0x57:
                if next == nil { out[out.count - 1] = 0x49 }
            case _ where next == 0x59 || next == 0x57:
                continue
            case 0x54, 0x44:
                out.append(0x4F)
            default:
                out.append(0x55)
            }
        }
        return out
    }

    private static let table: [[SpellingRule]] = SpellingLanguage.allCases.map { language in
        (specific(language) + common).map(SpellingRule.init)
    }

    /// Spelling every language shares once its own rules have run.
    private static let common = [
        "SCH>SY", "SH>SY", "CH>TY", "PH>F", "TH>T", "CK>K", "GH>G", "KH>K", "QU~>K", "QU>KU", "Q>K",
        "C~>S", "C>K", "X>KS", "J>ZY", "MP>NP", "MB>NB", "NG$>N", "Y->I",
    ]

    private static func specific(_ language: SpellingLanguage) -> [String] {
        switch language {
        case .portuguese:
            ["^H>", "NH>NY", "LH>RY", "RR>H", "^R>H", "CH>SY", "X>SY", "SS>S", "*S+>Z", "Z$>S", "GU~>G",
             "G~>ZY", "AO$>AN", "AES$>AIS", "DE$>DI", "TE$>TI", "QUE$>KI", "M$>N"]
        case .spanish:
            ["^H>", "HUA>WA", "HUE>UE", "LL>ZY", "J>H", "GU~>G", "G~>H", "^X>H", "Z>S", "Y$>I"]
        case .filipino:
            ["HUA>WA", "GU~>G", "G~>ZY", "Z>S", "Y$>I", "ER$>A"]
        case .vietnamese:
            ["^NGUYEN$>GUEN", "^NGH>G", "^NG>G", "^NH>NY", "NH$>IN", "^TR>TY", "^GI>Z", "^D+>Z", "X>S",
             "QU>KU", "CH$>K", "UY>UI", "NG->N"]
        case .chinese:
            ["ZI$>ZU", "CI$>TU", "SI$>SU", "NG->N", "ZHENG$>ZYEN", "CHENG$>TYEN", "SHENG$>SYEN", "ENG$>ON", "ZH>ZY", "CH>TY", "SH>SY", "X>SY",
             "Q>TY", "J>ZY", "C>T", "IAN>IEN", "^YAN>YEN", "^HE$>HO", "^YUAN>YUEN", "^WU>U", "^YI>I"]
        case .korean:
            ["NG->N", "^LEE$>I", "^RHEE$>I", "EO>O", "EU>U", "OO>U", "AE>E", "OE>E", "KW>K", "HW>H", "R->", "H->",
             "SH>SY", "CH>TY", "J>ZY"]
        case .indonesian:
            ["DJ>ZY", "TJ>TY", "KH>H", "SY>SY", "J>ZY", "C>TY", "H$>", "OE>U"]
        case .southAsian:
            ["^KC$>KESI", "SHR>SYUR", "CHH>TY", "BH>B", "DH>D", "TH>T", "KH>K", "GH>G", "JH>ZY", "AA>A", "EE>I", "OO>U",
             "X>KSY", "H$>"]
        case .thai:
            ["^SR>S", "PH>P", "TH>T", "KH>K", "EE>I", "OO>U", "AE>E"]
        case .english:
            ["OHN>ON", "TTH>S", "TH>S", "EW$>YU", "ER$>A", "OR$>A", "AR->A", "ER->A", "AY>E", "AU>O",
             "ES$>S", "Y$>I"]
        case .burmese:
            ["KY>TY", "AUNG>AUN", "AW>O", "HN>N", "HT>T", "HL>R", "AYE>E", "OE>O", "^KH>K"]
        case .japanese:
            ["TSU>TU", "SH>SY", "CH>TY", "J>ZY"]
        case .generic:
            []
        }
    }
}
