import KyoseiDomain
@testable import KyoseiIdentity
import KyoseiSampleData
import Testing

/// A row's similarity cache is shared by its katakana parts and its Latin parts as read in
/// each language; each must find only its own similarities there.
@Suite struct ReadingSetSlotTests {
    static let residents = MatchPropertyTests.residents

    /// Every resident's parts as the index stores them, Latin then katakana, in one key table.
    static let stored: (keys: KeyTable, parts: [(latin: [StoredPart], kana: [StoredPart], language: SpellingLanguage)]) = {
        var keys = KeyTable()
        let parts = residents.map { resident in
            let language = SpellingLanguage(nationality: resident.nationality)
            return (latin: NameParser.latinParts(resident.nameLatin, language: language).map { keys.store($0) },
                    kana: (resident.nameKana.map(NameParser.kanaParts) ?? []).map { keys.store($0) }, language: language)
        }
        return (keys, parts)
    }()

    /// A row's katakana and its Latin read in each language share the row's cache, each under
    /// its own slots: every reading set gives the evidence a cache of its own gives.
    @Test func eachReadingSetKeepsItsOwnSimilarities() {
        let (keys, parts) = Self.stored
        let comparator = NameComparator(keys: keys, frequency: NameFrequency())
        var differs = 0
        for row in 0..<60 {
            let resident = Self.residents[row]
            let query = IdentityQuery(nameKana: resident.name.partnerKana(.plain), nameLatin: resident.nameLatin,
                                      birthDate: resident.birthDate, sex: resident.sex, cardNumber: nil)
            var prepared = PreparedQuery(query, keys: keys)
            let candidate = parts[row].latin[...]
            for language in SpellingLanguage.allCases {
                let set = UInt64(language.rawValue) + 1
                let latin = prepared.latin(in: language, keys: keys)
                var shared = SimilarityCache(), own = SimilarityCache()
                let kana = comparator.compare(prepared.kana, candidate, set: 0, cache: &shared)
                let afterKana = comparator.compare(latin, candidate, set: set, cache: &shared)
                let alone = comparator.compare(latin, candidate, set: set, cache: &own)
                #expect(afterKana.score == alone.score, "\(resident.nameLatin) in \(language)")
                if kana.score != alone.score { differs += 1 }
            }
            // Its parts point into its bytes.
            withExtendedLifetime(prepared) {}
        }
        // The katakana and the Latin often score apart, so a shared slot would show.
        #expect(differs > 60)
    }
}
