/// Text as it goes into the HTML page and its SVG charts. Labels come from registers and partner
/// files (a nationality, a district, an employer size), so every piece of text is escaped before
/// it is placed, in element content and attribute values alike.
enum HTMLText {
    /// The five characters that could end a text node or an attribute value become references;
    /// control characters, which HTML does not allow in text, become U+FFFD.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// ` lang="ja"` for text with kana, kanji or full-width forms, so a browser picks Japanese
    /// glyphs for it on an English page; nothing otherwise.
    static func langAttribute(_ text: String) -> String {
        text.unicodeScalars.contains(where: isJapanese) ? " lang=\"ja\"" : ""
    }

    /// A figure as people read it: counts with thousands separators, shares as percentages.
    static func figure(_ cell: ReportTable.Cell) -> String {
        guard case .count(let n) = cell else { return cell.description }
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// How wide the text shows, in Latin letters: a kana or kanji counts two.
    static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width($1) }
    }

    /// The text shortened to about `width` Latin letters, the ellipsis included; a chart's label
    /// column has no room for more.
    static func shortened(_ text: String, width limit: Int) -> String {
        guard width(text) > limit else { return text }
        var kept = "", used = 1
        for c in text {
            used += width(c)
            if used > limit { break }
            kept.append(c)
        }
        return kept + "…"
    }

    private static func width(_ c: Character) -> Int {
        c.unicodeScalars.contains(where: isJapanese) ? 2 : 1
    }

    private static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF01...0xFF9F: true
        default: false
        }
    }
}
