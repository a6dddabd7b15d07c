import Foundation

/// Brings names written by different systems to one comparable form. Search and matching both
/// go through here so that a name found by `resident find` is the name the matcher sees.
public enum NameNormalizer {
    /// What a Japanese keyboard sends brought to NFKC: full-width Ｋ430 and ＮＧＵＹＥＮ as K430 and
    /// NGUYEN, half-width ｸﾞｴﾝ as グエン, an ideographic space as a space.
    public static func compatibilityForm(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCompatibilityMapping
    }

    /// Latin name → upper-case ASCII tokens: diacritics stripped (JOÃO → JOAO, ĐẶNG → DANG),
    /// punctuation treated as a break, so any order and any accent finds the same person.
    public static func latinTokens(_ text: String) -> [String] {
        // Folded text is ASCII: split on its bytes, not on characters.
        foldLatin(text).utf8.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Latin text folded to upper-case ASCII letters, digits and single spaces. Compatibility
    /// decomposition also brings a Japanese keyboard's full-width ＮＧＵＹＥＮ to NGUYEN.
    public static func foldLatin(_ text: String) -> String {
        // The register writes ASCII: that is folded byte by byte, and decomposition (slow in
        // Foundation on Linux) is left for the rest.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text) }
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            let v = scalar.value
            if (0x0300...0x036F).contains(v) { continue }
            if let replacement = specialLetters[v] {
                out.append(contentsOf: replacement.unicodeScalars)
                lastWasSpace = false
                continue
            }
            if (0x61...0x7A).contains(v) {
                out.append(Unicode.Scalar(v - 0x20)!)
                lastWasSpace = false
            } else if (0x41...0x5A).contains(v) || (0x30...0x39).contains(v) {
                out.append(scalar)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        var s = String(out)
        if s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// `foldLatin` of ASCII text, on its bytes: through Unicode scalars it was a tenth of a new
    /// resident's search text.
    private static func foldASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var lastWasSpace = true
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A:
                out.append(byte - 0x20)
                lastWasSpace = false
            case 0x41...0x5A, 0x30...0x39:
                out.append(byte)
                lastWasSpace = false
            default:
                if !lastWasSpace { out.append(0x20) }
                lastWasSpace = true
            }
        }
        if out.last == 0x20 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Letters that canonical decomposition does not split into base + mark.
    private static let specialLetters: [UInt32: String] = [
        0x00D8: "O", 0x00F8: "O", 0x0110: "D", 0x0111: "D", 0x00DF: "SS", 0x00C6: "AE", 0x00E6: "AE",
        0x0141: "L", 0x0142: "L", 0x0152: "OE", 0x0153: "OE", 0x00D0: "D", 0x00F0: "D", 0x0131: "I",
    ]

    /// Japanese-script name (katakana, hiragana, kanji; full- or half-width) → one normal form:
    /// NFKC then NFC (half-width to full-width; the second pass composes ﾊﾞ into バ, which
    /// Foundation's NFKC alone leaves as ハ and a combining mark on Linux), hiragana as katakana, separators (spaces, `・`, `＝`)
    /// removed, and the katakana variants one name is written in folded to one spelling: ヴァ
    /// as バ (and the rest of the ヴ row), small vowels as full ones (ティ as テイ), no `ー` or
    /// `ッ`. So a clerk's バン finds ヴァン, whichever the partner or the clerk wrote.
    public static func foldJapanese(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let source = needsCompatibilityMapping(text)
            ? text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping : text
        var afterVu = false
        for scalar in source.unicodeScalars {
            var v = scalar.value
            if (0x3041...0x3096).contains(v) { v += 0x60 }
            defer { afterVu = v == 0x30F4 }
            if afterVu, let row = vuRow[v] {
                out.removeLast()
                out.append(row)
                continue
            }
            switch v {
            case 0x20, 0x3000, 0x30FB, 0xFF65, 0x3D, 0x30A0, 0x2E, 0x2D, 0x30FC, 0xFF70, 0x30C3:
                continue
            case 0x30F4:
                out.append("ブ")
            case 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9:
                out.append(Unicode.Scalar(v + 1)!)
            default:
                out.append(Unicode.Scalar(v) ?? scalar)
            }
        }
        return String(out)
    }

    /// ヴ and the small vowel after it, as the バ-row kana.
    private static let vuRow: [UInt32: Unicode.Scalar] = [0x30A1: "バ", 0x30A3: "ビ", 0x30A7: "ベ", 0x30A9: "ボ"]

    /// Full-width katakana, hiragana and ideographs are already in normal form; only half-width
    /// and full-width forms, combining sound marks, compatibility ideographs and enclosed or
    /// squared characters need NFKC.
    private static func needsCompatibilityMapping(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            let v = s.value
            return (0xFF00...0xFFEF).contains(v) || (0x3099...0x309C).contains(v) || (0xF900...0xFAFF).contains(v)
                || (0x3200...0x33FF).contains(v) || (0x2000...0x206F).contains(v) || (v >= 0x80 && v < 0x3000)
        }
    }

    /// True when the text holds kana or CJK ideographs, so a search box can tell a katakana or
    /// kanji fragment from a Latin one.
    public static func containsJapanese(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            let v = s.value
            return (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v)
                || (0xFF66...0xFF9F).contains(v) || (0xF900...0xFAFF).contains(v)
        }
    }

    /// Overlapping two-character grams of a folded Japanese name. Japanese has no spaces between
    /// name parts, so the search index stores grams: any fragment of two or more characters is
    /// found as a phrase of its grams, and a single character as a gram prefix.
    public static func bigrams(_ folded: String) -> [String] {
        // Kana and kanji without marks or selectors are a character per scalar: sliced by
        // scalar, without breaking the text into graphemes first (a twelfth of a new
        // resident's search text).
        if folded.unicodeScalars.allSatisfy({ scalar in
            let v = scalar.value
            return (0x3041...0x3098).contains(v) || (0x309B...0x30FF).contains(v) || (0x4E00...0x9FFF).contains(v)
        }) {
            let scalars = Array(folded.unicodeScalars)
            guard scalars.count > 1 else { return scalars.map { String($0) } }
            return (0..<(scalars.count - 1)).map { i in
                var gram = String.UnicodeScalarView()
                gram.append(scalars[i])
                gram.append(scalars[i + 1])
                return String(gram)
            }
        }
        let chars = Array(folded)
        guard chars.count > 1 else { return chars.map { String($0) } }
        return (0..<(chars.count - 1)).map { String(chars[$0...$0 + 1]) }
    }
}
