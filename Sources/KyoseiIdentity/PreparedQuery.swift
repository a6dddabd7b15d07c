/// A roster row's name, keyed once per row: the katakana parts as written (a particle written
/// apart stays a part of its own, which the comparator forgives when it aligns with nothing),
/// and the Latin parts, keyed lazily per spelling language since each candidate's nationality
/// decides how its Latin reads.
struct PreparedQuery {
    let kana: [NameComparator.QueryPart]
    /// The consonant skeletons of the row's katakana and Latin parts, for the second blocking pass.
    let skeletons: Set<UInt16>
    private let latinText: String?
    private var latinParts: [SpellingLanguage: [NameComparator.QueryPart]] = [:]
    /// Part-to-key similarities already computed for this row; see `NameComparator.compare`.
    var similarities = SimilarityCache()

    var hasLatin: Bool { latinText != nil }

    init(_ query: IdentityQuery, keys: KeyTable) {
        var kana: [NameComparator.QueryPart] = []
        for token in query.nameKana.map(KatakanaNormalizer.tokens) ?? [] {
            let key = PhoneticKey(normalizedKana: token)
            kana.append(NameComparator.QueryPart(key: key.bytes, number: keys.number(of: key), joined: nil,
                                                 isParticle: NameParser.particleKeys.contains(key)))
        }
        self.kana = kana
        let latin = query.nameLatin.flatMap { NameNormalizer.foldLatin($0).isEmpty ? nil : $0 }
        latinText = latin
        var skeletons = Set(kana.filter { !$0.isParticle }.map { KeyTable.skeleton($0.key) })
        if let latin {
            for part in NameParser.latinParts(latin, language: .generic) { skeletons.insert(KeyTable.skeleton(part.key.bytes)) }
        }
        self.skeletons = skeletons
    }

    mutating func latin(in language: SpellingLanguage, keys: KeyTable) -> [NameComparator.QueryPart] {
        if let parts = latinParts[language] { return parts }
        let parts = NameParser.latinParts(latinText ?? "", language: language).map { part in
            NameComparator.QueryPart(key: part.key.bytes, number: keys.number(of: part.key),
                                     joined: part.joined?.bytes, isParticle: false)
        }
        latinParts[language] = parts
        return parts
    }
}
