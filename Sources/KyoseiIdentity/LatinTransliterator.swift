/// A Latin name part as a Japanese ear hears it, in the letters of `PhoneticKey`: the source
/// language's spelling rules first (Brazilian initial R as H, Spanish J as H, Vietnamese NG- and
/// TR-, pinyin X and Q, Korean EO, …), then every consonant that Japanese cannot leave bare
/// gets the echo vowel a katakana spelling gives it (T and D take O, the others U; N stays bare).
enum LatinTransliterator {
    static func transliterate(_ word: [UInt8], language: SpellingLanguage) -> [UInt8] {
        if word.count <= 4, !word.contains(where: { PhoneticKey.isVowel($0) || $0 == 0x59 }) { return spelledOut(word) }
        return echoVowels(apply(table[Int(language.rawValue)], to: word))
    }

    /// The part read letter by letter as romaji, the way a clerk who does not know the name's
    /// language writes it down: only the digraphs every romaji reader knows (SH, CH, PH, TH, …),
    /// and an echo vowel after every consonant with no vowel after it, so that TRUNG is
    /// トルング, HOANG ホアング and ZHONG ズホング, where the tradition's own rules give チュン,
    /// ホアン and ジョン.
    static func letters(_ word: [UInt8]) -> [UInt8] {
        if word.count <= 4, !word.contains(where: { PhoneticKey.isVowel($0) || $0 == 0x59 }) { return spelledOut(word) }
        return echoVowels(apply(letterRules, to: word))
    }

    private static let letterRules = ["SH>SY", "CH>TY", "PH>F", "TH>T", "CK>K", "QU>KU", "Q>K", "C~>S", "C>K",
                                      "X>KS", "J>ZY", "Y->I"].map(SpellingRule.init)

    /// Each rule in turn where it matches (the first that matches at a letter wins), letters no
    /// rule matches kept.
    private static func apply(_ rules: [SpellingRule], to word: [UInt8]) -> [UInt8] {
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
        return spelled
    }

    /// A part with no vowel (KC, BK, MD) is initials, which Japanese reads letter by letter:
    /// KC is ケーシー.
    private static func spelledOut(_ word: [UInt8]) -> [UInt8] {
        word.flatMap { letter -> [UInt8] in
            guard (0x41...0x5A).contains(letter) else { return [] }
            return Array(letterNames[Int(letter - 0x41)].utf8)
        }
    }

    /// The katakana names of the letters A to Z (エー, ビー, シー, …) in key letters.
    private static let letterNames = [
        "E", "BI", "SI", "DI", "I", "EHU", "ZI", "ETI", "AI", "ZE", "KE", "ERU", "EMU", "ENU", "O", "PI", "KYU",
        "ARU", "ESU", "TI", "YU", "BUI", "DABURYU", "EKUSU", "WAI", "ZETO",
    ]

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
            ["^NGH>G", "^NG>G", "^NH>NY", "NH$>IN", "^TR>TY", "^GI>Z", "^D+>Z", "X>S",
             "QU>KU", "CH$>K", "UYE>UE", "UY>UI", "NG->N"]
        case .chinese:
            ["ZI$>ZU", "CI$>TU", "SI$>SU", "NG->N", "ZHENG$>ZYEN", "CHENG$>TYEN", "SHENG$>SYEN", "ENG$>ON", "ZH>ZY", "CH>TY", "SH>SY", "X>SY",
             "Q>TY", "J>ZY", "C>T", "IANG>IAN", "IAN>IEN", "^YANG>YAN", "^YAN>YEN", "^HE$>HO", "^YUAN>YUEN", "^WU>U", "^YI>I"]
        case .korean:
            // Korean usage writes a name's first consonant unvoiced (GO コ, BAE ペ, DO ト, JI チ);
            // the voiced romaji reading stays among the alternates. AI and OI are passports'
            // spellings of the vowel RR writes AE or OE (PAIK ペク, CHOI チェ); RY keeps its R.
            ["^G>K", "^D>T", "^B>P", "^J>TY", "NG->N", "^RH>", "^L~>", "EE>I", "EO>O", "EU>U", "OO>U", "AE>E", "AI>E",
             "OE>E", "OI>E", "KW>K", "HW>H", "RY>RY", "R->", "H->", "SH>SY", "CH>TY", "J>ZY"]
        case .indonesian:
            ["DJ>ZY", "TJ>TY", "KH>H", "SY>SY", "J>ZY", "C>TY", "H$>", "OE>U"]
        case .southAsian:
            ["SHR>SYUR", "CHH>TY", "BH>B", "DH>D", "TH>T", "KH>K", "GH>G", "JH>ZY", "AA>A", "EE>I", "OO>U",
             "X>KSY", "H$>"]
        case .thai:
            ["^SR>S", "PH>P", "TH>T", "KH>K", "EE>I", "OO>U", "AE>E"]
        case .english:
            ["OHN>ON", "TTH>S", "TH>S", "DS>Z", "WOR>WA", "EW$>YU", "ER$>A", "OR$>A", "AR->A", "ER->A", "AY>E", "AU>O",
             "ES$>S", "Y$>I"]
        case .burmese:
            ["KY>TY", "AUNG>AUN", "AW>O", "HN>N", "HT>T", "HL>R", "AYE>E", "OE>O", "^KH>K"]
        case .german:
            ["SCH>SY", "EI>AI", "EU>OI", "AEU>OI", "IE>I", "*CH>H", "CH>K", "^W>B", "W>B", "V>F", "TZ>T", "Z>T",
             "^S+>Z", "TH>T", "J>Y", "*H->", "ER$>A", "DT$>T", "CK>K", "SS>S"]
        case .french:
            ["EAU>O", "AU>O", "OU>U", "OI>OA", "CH>SY", "GN>NY", "QU>K", "^H>", "J>ZY", "G~>ZY", "ER$>E", "EZ$>E",
             "ET$>E", "ES$>", "E$>", "S$>", "T$>", "D$>", "X$>", "Z$>", "*S+>Z", "ILLE>IYU", "EU>U"]
        case .italian:
            ["GLI>RI", "GN>NY", "SC~>SY", "CH>K", "GH>G", "CI+>TY", "C~>TY", "GI+>ZY", "G~>ZY", "ZZ>T", "Z>T", "^H>"]
        case .polish:
            ["SZ>SY", "CZ>TY", "RZ>ZY", "DZ>Z", "CH>H", "W>B", "J>Y", "CI+>TY", "SI+>SY", "ZI+>ZY", "NI+>NY", "C>T"]
        case .japanese:
            ["TSU>TU", "SH>SY", "CH>TY", "J>ZY"]
        case .generic:
            []
        }
    }
}
