/// Katakana to the letters of `PhoneticKey`: a romanisation of Japanese syllables (Kunrei
/// style, so シ is SI and チ is TI, the way a Latin spelling rule most easily reaches them), in
/// which small kana fold into the syllable before them: ファ is HA (F is heard as H), ティ is
/// TI, ウィ is WI, シェ is SYE, キャ is KYA. トゥ and ドゥ before a consonant or at the end are how
/// katakana writes a T or a D with no vowel after it (エドゥ for ED, トゥリシア for TRICIA), so
/// they read as ト and ド do; before a vowel they are the syllable (ドゥアルテ, DUARTE), and so
/// they are when they are the whole part, since no name is a bare consonant (Vietnamese TU
/// トゥ, pinyin DU ドゥー).
enum KanaRomanizer {
    static func romanize(_ token: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(token.unicodeScalars.count * 2)
        var lastWasBareVowel = false
        let scalars = Array(token.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            let v = scalar.value
            if let vowel = smallVowels[v] {
                if vowel == U("U"), scalars.count > 2, out.count >= 2, out[out.count - 1] == U("O"),
                   out[out.count - 2] == U("T") || out[out.count - 2] == U("D"),
                   i + 1 == scalars.count || syllables[scalars[i + 1].value].map({ !isVowel($0[0]) }) ?? false {
                    lastWasBareVowel = false
                    continue
                }
                if let last = out.last, isVowel(last) {
                    if lastWasBareVowel, last == U("U") {
                        out[out.count - 1] = U("W")
                    } else if last == U("I") {
                        out[out.count - 1] = U("Y")
                    } else {
                        out.removeLast()
                    }
                }
                out.append(vowel)
                lastWasBareVowel = false
                continue
            }
            if let vowel = smallY[v] {
                if out.last == U("I") { out.removeLast() }
                out.append(U("Y"))
                out.append(vowel)
                lastWasBareVowel = false
                continue
            }
            guard let syllable = syllables[v] else { continue }
            out.append(contentsOf: syllable)
            lastWasBareVowel = syllable.count == 1 && isVowel(syllable[0])
        }
        return out
    }

    private static func U(_ s: Unicode.Scalar) -> UInt8 { UInt8(s.value) }
    private static func isVowel(_ c: UInt8) -> Bool { PhoneticKey.isVowel(c) }

    private static let smallVowels: [UInt32: UInt8] = [
        0x30A1: UInt8(ascii: "A"), 0x30A3: UInt8(ascii: "I"), 0x30A5: UInt8(ascii: "U"),
        0x30A7: UInt8(ascii: "E"), 0x30A9: UInt8(ascii: "O"), 0x30EE: UInt8(ascii: "A"),
    ]

    private static let smallY: [UInt32: UInt8] = [
        0x30E3: UInt8(ascii: "A"), 0x30E5: UInt8(ascii: "U"), 0x30E7: UInt8(ascii: "O"),
    ]

    private static let syllables: [UInt32: [UInt8]] = {
        let rows: [(String, String, [String])] = [
            ("アイウエオ", "", ["A", "I", "U", "E", "O"]),
            ("カキクケコ", "K", ["A", "I", "U", "E", "O"]),
            ("ガギグゲゴ", "G", ["A", "I", "U", "E", "O"]),
            ("サシスセソ", "S", ["A", "I", "U", "E", "O"]),
            ("ザジズゼゾ", "Z", ["A", "I", "U", "E", "O"]),
            ("タチツテト", "T", ["A", "I", "U", "E", "O"]),
            ("ダヂヅデド", "D", ["A", "ZI", "ZU", "E", "O"]),
            ("ナニヌネノ", "N", ["A", "I", "U", "E", "O"]),
            ("ハヒフヘホ", "H", ["A", "I", "U", "E", "O"]),
            ("バビブベボ", "B", ["A", "I", "U", "E", "O"]),
            ("パピプペポ", "P", ["A", "I", "U", "E", "O"]),
            ("マミムメモ", "M", ["A", "I", "U", "E", "O"]),
            ("ヤユヨ", "Y", ["A", "U", "O"]),
            ("ラリルレロ", "R", ["A", "I", "U", "E", "O"]),
            ("ワヰヱヲ", "", ["WA", "I", "E", "O"]),
        ]
        var table: [UInt32: [UInt8]] = [:]
        for (kana, consonant, vowels) in rows {
            for (scalar, vowel) in zip(kana.unicodeScalars, vowels) {
                let text = vowel.count == 2 ? vowel : consonant + vowel
                table[scalar.value] = Array(text.utf8)
            }
        }
        table[0x30F3] = [UInt8(ascii: "N")]
        table[0x30F4] = Array("BU".utf8)
        for (scalar, text) in zip([0x30F7, 0x30F8, 0x30F9, 0x30FA] as [UInt32], ["BA", "BI", "BE", "BO"]) {
            table[scalar] = Array(text.utf8)
        }
        table[0x30F5] = [UInt8(ascii: "K"), UInt8(ascii: "A")]
        table[0x30F6] = [UInt8(ascii: "K"), UInt8(ascii: "E")]
        return table
    }()
}
