import Foundation

/// A roster row's name, keyed once per row: the katakana parts as written (a particle written
/// apart stays a part of its own, which the comparator forgives when it aligns with nothing),
/// and the Latin parts, keyed lazily per spelling language since each candidate's nationality
/// decides how its Latin reads. Its parts point into its bytes: keep it while they are used.
struct PreparedQuery {
    /// Where the parts' keys are kept; shared by copies of the query, and let go with the last.
    private let bytes = QueryBytes()
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
        var skeletons = Set<UInt16>()
        for token in query.nameKana.map(KatakanaNormalizer.tokens) ?? [] {
            let key = PhoneticKey(normalizedKana: token)
            let isParticle = NameParser.particleKeys.contains(key)
            kana.append(NameComparator.QueryPart(key: bytes.keep(key.bytes), number: keys.number(of: key), joined: nil,
                                                 isParticle: isParticle))
            if !isParticle { skeletons.insert(KeyTable.skeleton(key.bytes)) }
        }
        self.kana = kana
        let latin = query.nameLatin.flatMap { NameNormalizer.foldLatin($0).isEmpty ? nil : $0 }
        latinText = latin
        if let latin {
            for part in NameParser.latinParts(latin, language: .generic) { skeletons.insert(KeyTable.skeleton(part.key.bytes)) }
        }
        self.skeletons = skeletons
    }

    mutating func latin(in language: SpellingLanguage, keys: KeyTable) -> [NameComparator.QueryPart] {
        if let parts = latinParts[language] { return parts }
        let parts = NameParser.latinParts(latinText ?? "", language: language).map { part in
            NameComparator.QueryPart(key: bytes.keep(part.key.bytes), number: keys.number(of: part.key),
                                     joined: part.joined.map { bytes.keep($0.bytes) }, isParticle: false)
        }
        latinParts[language] = parts
        return parts
    }
}

/// The bytes of one row's keys, where they stay put until the row is done with: its parts point
/// into them, so a part handed to a comparison costs no reference counting, as the arrays it
/// held did for every part of every resident compared (a tenth of matching's time). Copies of
/// a query share it, and a copy explaining a decision on another thread may key the row's
/// Latin in a language the first did not: what is kept is never changed, and keeping is locked.
final class QueryBytes: @unchecked Sendable {
    private var blocks: [UnsafeMutableBufferPointer<UInt8>] = []
    /// Bytes taken from the last block. Keys are short (a row's all fit in one block but for
    /// the longest names), and a block each was an allocation for every key of every row.
    private var used = 0
    private let lock = NSLock()

    func keep(_ bytes: [UInt8]) -> UnsafeBufferPointer<UInt8> {
        lock.withLock {
            if blocks.isEmpty || used + bytes.count > blocks[blocks.count - 1].count {
                blocks.append(.allocate(capacity: max(bytes.count, 128)))
                used = 0
            }
            let kept = UnsafeMutableBufferPointer(rebasing: blocks[blocks.count - 1][used..<used + bytes.count])
            _ = kept.initialize(from: bytes)
            used += bytes.count
            return UnsafeBufferPointer(kept)
        }
    }

    deinit {
        for block in blocks { block.deallocate() }
    }
}
