import KyoseiDomain
import KyoseiIdentity

/// What staff typed into `resident find`, split into the parts the index can answer: a
/// reference (K-number, person id, card number), a birth date, Latin name fragments in any
/// order, and Japanese (katakana, hiragana, kanji; full- or half-width) fragments.
public struct ResidentQuery: Sendable, Equatable {
    public var reference: ResidentRef?
    public var birthDate: LocalDate?
    public var latinTokens: [String] = []
    public var japaneseFragments: [String] = []

    public init(_ text: String) throws {
        // `・` parts a katakana name as a space does, so each part is looked up by its own sound.
        let words = NameNormalizer.compatibilityForm(text)
            .split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" || $0 == "・" }).map(String.init)
        for word in words {
            if let date = try? LocalDate(word) {
                birthDate = date
            } else if NameNormalizer.containsJapanese(word) {
                let folded = NameNormalizer.foldJapanese(word)
                if !folded.isEmpty { japaneseFragments.append(folded) }
            } else if words.count == 1, let ref = try? ResidentRef(word) {
                reference = ref
            } else {
                latinTokens += NameNormalizer.latinTokens(word)
            }
        }
        guard reference != nil || birthDate != nil || !latinTokens.isEmpty || !japaneseFragments.isEmpty else {
            throw ValidationError(field: "search", value: text, reason: "give a name fragment, a birth date, a person id or a card number")
        }
    }

    /// The FTS5 expression for the name parts, or nil when the query has none. Every token is
    /// a quoted prefix term, so nothing staff type can change the expression's syntax.
    public var matchExpression: String? {
        var terms: [String] = []
        if !latinTokens.isEmpty {
            terms.append("search_latin : (" + latinTokens.map { "\"\($0)\"*" }.joined(separator: " AND ") + ")")
        }
        for fragment in japaneseFragments {
            let grams = NameNormalizer.bigrams(fragment)
            let quoted = grams.map { $0.replacingQuotes() }
            terms.append(fragment.count == 1
                ? "search_japanese : \"\(quoted[0])\"*"
                : "search_japanese : \"" + quoted.joined(separator: " ") + "\"")
        }
        return terms.isEmpty ? nil : terms.joined(separator: " AND ")
    }
}

extension String {
    /// Doubles double quotes for an FTS5 string.
    func replacingQuotes() -> String {
        split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
    }
}
