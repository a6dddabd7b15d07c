import Foundation

/// The spelling differences between Japanese systems that write the same foreign sound:
/// ヴ against the バ row, and the long-vowel mark against a spelled-out vowel.
enum KanaSpelling {
    static func vu(_ kana: String, latin: String, _ style: PartnerKanaStyle.Vu) -> String {
        switch style {
        case .asRegistered:
            return kana
        case .baRow:
            var text = kana
            for (from, to) in vuToBa { text = text.replacingOccurrences(of: from, with: to) }
            return text
        case .vuRow:
            guard latin.contains("V"), !kana.contains("ヴ") else { return kana }
            for (to, from) in vuToBa {
                if let range = kana.range(of: from) { return kana.replacingCharacters(in: range, with: to) }
            }
            return kana
        }
    }

    static func longVowels(_ kana: String, _ style: PartnerKanaStyle.LongVowels) -> String {
        switch style {
        case .asRegistered:
            return kana
        case .dropped:
            return kana.filter { $0 != "ー" }
        case .spelledOut:
            var out = ""
            var previous: Character?
            for character in kana {
                if character == "ー", let previous, let vowel = spelledVowel(after: previous) {
                    out.append(vowel)
                } else {
                    out.append(character)
                }
                previous = character
            }
            return out
        }
    }

    /// ヴァ-row spellings and the バ-row kana that other systems write instead; longest first.
    private static let vuToBa: [(String, String)] = [
        ("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ"),
    ]

    /// The vowel a long-vowel mark stands for after a kana: オ-row and エ-row lengthen with ウ
    /// and イ as Japanese spelling does (サトウ, ケイ), the others repeat their vowel.
    private static func spelledVowel(after kana: Character) -> Character? {
        for (vowel, row) in rows where row.contains(kana) {
            switch vowel {
            case "オ": return "ウ"
            case "エ": return "イ"
            default: return vowel
            }
        }
        return nil
    }

    private static let rows: [(Character, String)] = [
        ("ア", "アカガサザタダナハバパマヤラワァャ"),
        ("イ", "イキギシジチヂニヒビピミリィ"),
        ("ウ", "ウクグスズツヅヌフブプムユルゥュヴ"),
        ("エ", "エケゲセゼテデネヘベペメレェ"),
        ("オ", "オコゴソゾトドノホボポモヨロヲォョ"),
    ]
}
