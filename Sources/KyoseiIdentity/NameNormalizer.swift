import Foundation

/// Brings names written by different systems to one comparable form. Search and matching both
/// go through here so that a name found by `resident find` is the name the matcher sees.
public enum NameNormalizer {
    /// Latin name → upper-case ASCII tokens: diacritics stripped (JOÃO → JOAO, ĐẶNG → DANG),
    /// punctuation treated as a break, so any order and any accent finds the same person.
    public static func latinTokens(_ text: String) -> [String] {
        foldLatin(text).split(separator: " ").map(String.init)
    }

    /// Latin text folded to upper-case ASCII letters, digits and single spaces.
    public static func foldLatin(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        // The register writes ASCII; decomposition (slow in Foundation on Linux) only when needed.
        let source = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.decomposedStringWithCanonicalMapping
        for scalar in source.unicodeScalars {
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

    /// Letters that canonical decomposition does not split into base + mark.
    private static let specialLetters: [UInt32: String] = [
        0x00D8: "O", 0x00F8: "O", 0x0110: "D", 0x0111: "D", 0x00DF: "SS", 0x00C6: "AE", 0x00E6: "AE",
        0x0141: "L", 0x0142: "L", 0x0152: "OE", 0x0153: "OE", 0x00D0: "D", 0x00F0: "D", 0x0131: "I",
    ]

    /// Japanese-script name (katakana, hiragana, kanji; full- or half-width) → one normal form:
    /// NFKC then NFC (half-width to full-width; the second pass composes ﾊﾞ into バ, which
    /// Foundation's NFKC alone leaves as ハ and a combining mark on Linux), hiragana as katakana, separators (spaces, `・`, `＝`)
    /// removed. Long-vowel marks are kept here; phonetic comparison folds them separately.
    public static func foldJapanese(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        let source = needsCompatibilityMapping(text)
            ? text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping : text
        for scalar in source.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x20, 0x3000, 0x30FB, 0xFF65, 0x3D, 0x30A0, 0x2E, 0x2D:
                continue
            case 0x3041...0x3096:
                out.append(Unicode.Scalar(v + 0x60)!)
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

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
        let chars = Array(folded)
        guard chars.count > 1 else { return chars.map { String($0) } }
        return (0..<(chars.count - 1)).map { String(chars[$0...$0 + 1]) }
    }
}
