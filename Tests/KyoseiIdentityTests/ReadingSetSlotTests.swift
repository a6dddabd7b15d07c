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

/// A run of the row's parts for a resident's part (ジョアン ペドロ for ジョアンペドロ) is looked for
/// once per key in a row (`NameComparator.rowRun`) and then read from the row's cache: the
/// residents of a block compared in turn with the one cache are scored and explained as each
/// compared with a cache of its own.
@Suite struct RowRunMemoTests {
    @Test func aRunReadFromTheRowsCacheIsTheRunLookedFor() {
        var keys = KeyTable()
        let residents = ["ソウザ ジョアンペドロ", "ジョアンペドロ ソウザ", "ソウザ ジョアン", "リマ ジョアンペドロ", "ソウザ マリアジョゼ",
                         "ジョアンペドロ", "ソウザ ジョアンペドロ"].map { NameParser.kanaParts($0).map { keys.store($0) } }
        let comparator = NameComparator(keys: keys, frequency: NameFrequency())
        var runs = 0
        // The last row's katakana and Latin are different people: each set of the row's parts
        // finds its own runs.
        for (kana, latin) in [("ソウザ ジョアン ペドロ", "SOUZA JOAO PEDRO"), ("ジョアン ペドロ ソウザ", nil), ("マリア ジョゼ ソウザ", nil),
                              ("ソウザ ジョアン ペドロ", "SOUZA MARIA JOSE")] {
            var prepared = PreparedQuery(IdentityQuery(nameKana: kana, nameLatin: latin, birthDate: try! LocalDate("1990-01-01"),
                                                       sex: .male, cardNumber: nil), keys: keys)
            let rowSets = [(prepared.kana, UInt64(0)), (prepared.latin(in: .portuguese, keys: keys), UInt64(SpellingLanguage.portuguese.rawValue) + 1)]
            var shared = SimilarityCache()
            for candidate in residents + residents {
                for (rows, set) in rowSets where !rows.isEmpty {
                    var own = SimilarityCache()
                    let alone = comparator.compare(rows, candidate[...], set: set, cache: &own, explain: true)
                    let scored = comparator.compare(rows, candidate[...], set: set, cache: &shared)
                    let explained = comparator.compare(rows, candidate[...], set: set, cache: &shared, explain: true)
                    #expect(scored.score == alone.score && scored.agreed == alone.agreed && scored.close == alone.close
                            && scored.unmatchedQuery == alone.unmatchedQuery, "\(kana)")
                    #expect(explained.parts == alone.parts && explained.score == alone.score, "\(kana)")
                    runs += alone.parts.filter { $0.query?.contains("+") == true }.count
                }
            }
            withExtendedLifetime(prepared) {}
        }
        // Both the katakana and the Latin rows run together for ジョアンペドロ and マリアジョゼ.
        #expect(runs >= 20, "\(runs) runs")
    }
}

/// The row's cache and its key bytes, past the sizes they start with: a row of a large block
/// outgrows the cache's first 128 entries, and a row of long names its keys' first block.
@Suite struct RowStorageTests {
    @Test func theCacheKeepsEveryValueAsItGrows() {
        var cache = SimilarityCache(capacity: 16)
        let slots = (0..<2_000).map { UInt64($0) &* 0x9E37_79B9 | UInt64($0 % 18) << 58 }
        for (n, slot) in slots.enumerated() { cache.set(slot, Double(n) / 7) }
        for (n, slot) in slots.enumerated() { #expect(cache.value(slot) == Double(n) / 7) }
        // Set again, a slot keeps one value: the last.
        cache.set(slots[5], -1)
        #expect(cache.value(slots[5]) == -1)
        #expect(cache.value(UInt64(1) << 37) == nil)
    }

    @Test func keptKeysStayPutAcrossBlocks() {
        let bytes = QueryBytes()
        let keys = (0..<300).map { n in (0..<(n % 61)).map { UInt8(65 + ($0 + n) % 26) } }
        let kept = keys.map { bytes.keep($0) }
        for (key, kept) in zip(keys, kept) { #expect(Array(kept) == key) }
        withExtendedLifetime(bytes) {}
    }
}
