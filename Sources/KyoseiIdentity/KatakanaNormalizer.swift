import Foundation

/// Brings a partner system's katakana to the parts of the name, each in one spelling, so that
/// two clerks writing the same person produce the same text: half-width and full-width agree,
/// ヴ and the バ row agree, a long-vowel mark or a geminate mark makes no difference, and the
/// separators partners use (`・`, `＝`, plain and ideographic spaces) all break parts.
public enum KatakanaNormalizer {
    /// The parts of a katakana (or hiragana) name in written order, full-width, with ヴ-row
    /// kana as バ-row, and `ー` and `ッ` removed. Small kana stay: they belong to the syllable
    /// before them, which `KanaRomanizer` folds.
    public static func tokens(_ text: String) -> [String] {
        let source = needsCompatibilityMapping(text)
            ? text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping : text
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in source.unicodeScalars {
            var v = scalar.value
            if (0x3041...0x3096).contains(v) { v += 0x60 }
            switch v {
            case 0x20, 0x3000, 0x30FB, 0xFF65, 0x3D, 0x30A0, 0xFF1D, 0x2E, 0x2C, 0x2D, 0x2F, 0x09:
                flush()
            case 0x30FC, 0x2212, 0xFF70, 0x30C3:
                continue
            case 0x30F4:
                current.append("ブ")
            case 0x30F7:
                current.append("バ")
            case 0x30F8:
                current.append("ビ")
            case 0x30F9:
                current.append("ベ")
            case 0x30FA:
                current.append("ボ")
            case 0x30A1...0x30FA:
                current.append(Unicode.Scalar(v)!)
            default:
                continue
            }
        }
        flush()
        return tokens
    }

    /// Only half-width and full-width forms and separate sound marks need NFKC; skipping it for
    /// plain full-width text keeps Foundation's slow Linux normalisation off the common path.
    private static func needsCompatibilityMapping(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            let v = s.value
            return (0xFF00...0xFFEF).contains(v) || (0x3099...0x309C).contains(v)
        }
    }
}
