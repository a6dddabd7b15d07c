/// Aligns the parts of a roster name with the parts of a resident's name and scores the
/// alignment. Order is free (partners put the given name first), a resident's part may be
/// missing from the roster (a dropped second surname or middle name) at a small cost, while a
/// roster part the resident lacks costs a lot: a different given name is the sibling, the twin
/// or the stranger who shares a birth date and a family name.
struct NameComparator {
    struct QueryPart {
        let key: [UInt8]
        let number: UInt32?
        let joined: [UInt8]?
        let isParticle: Bool
    }

    struct Evidence {
        var score: Double
        var agreed: Int
        var unmatchedQuery: Int
    }

    let keys: KeyTable
    let frequency: NameFrequency

    /// `cache` remembers part-to-key similarities across the candidates of one row (a block
    /// holds many SILVAs); `set` tells apart the row's katakana parts and its Latin parts as
    /// read in each language.
    func compare(_ query: [QueryPart], _ candidate: ArraySlice<StoredPart>, set: UInt64,
                 cache: inout SimilarityCache) -> Evidence {
        let rows = min(query.count, 64), columns = min(candidate.count, 64)
        guard rows > 0, columns > 0 else { return Evidence(score: -20, agreed: 0, unmatchedQuery: rows) }
        return withUnsafeTemporaryAllocation(of: Pair.self, capacity: rows * columns) { pairs in
            var count = 0
            for r in 0..<rows {
                let part = query[r]
                for c in 0..<columns {
                    let stored = candidate[candidate.startIndex + c]
                    let s = similarity(part, stored, tag: set << 60 | UInt64(r) << 40, cache: &cache)
                    guard s >= MatchWeights.closeLevel else { continue }
                    // Insertion in descending similarity; ties keep the row-major order.
                    var i = count
                    while i > 0, pairs[i - 1].similarity < s {
                        pairs[i] = pairs[i - 1]
                        i -= 1
                    }
                    pairs[i] = Pair(similarity: s, row: UInt8(r), column: UInt8(c))
                    count += 1
                }
            }
            var rowUsed: UInt64 = 0, columnUsed: UInt64 = 0
            var evidence = Evidence(score: 0, agreed: 0, unmatchedQuery: 0)
            for pair in pairs[0..<count] {
                let rowBit: UInt64 = 1 << pair.row, columnBit: UInt64 = 1 << pair.column
                guard rowUsed & rowBit == 0, columnUsed & columnBit == 0 else { continue }
                rowUsed |= rowBit
                columnUsed |= columnBit
                let stored = candidate[candidate.startIndex + Int(pair.column)]
                let weight = frequency.agreementWeight(stored.key)
                evidence.score += MatchWeights.agreement(similarity: pair.similarity, frequencyWeight: weight)
                evidence.agreed += 1
            }
            let missing = columns - columnUsed.nonzeroBitCount
            for r in 0..<rows where rowUsed & (1 << UInt64(r)) == 0 && !query[r].isParticle {
                evidence.score += missing > 0 ? MatchWeights.disagreeingPart : MatchWeights.unmatchedQueryPart
                evidence.unmatchedQuery += 1
            }
            evidence.score += max(Double(missing) * MatchWeights.unmatchedCandidatePart, MatchWeights.unmatchedCandidateFloor)
            if evidence.agreed == 0 { evidence.score = min(evidence.score, -20) }
            return evidence
        }
    }

    private struct Pair {
        var similarity: Double
        var row: UInt8
        var column: UInt8
    }

    private func similarity(_ part: QueryPart, _ stored: StoredPart, tag: UInt64, cache: inout SimilarityCache) -> Double {
        if let number = part.number, number == stored.key || number == stored.joined { return 1 }
        var best = similarity(part.key, stored.key, tag: tag, cache: &cache)
        if stored.joined != StoredPart.none {
            best = max(best, similarity(part.key, stored.joined, tag: tag, cache: &cache))
        }
        if let joined = part.joined {
            best = max(best, similarity(joined, stored.key, tag: tag | 1 << 39, cache: &cache))
        }
        return best
    }

    private func similarity(_ key: [UInt8], _ number: UInt32, tag: UInt64, cache: inout SimilarityCache) -> Double {
        let slot = tag | UInt64(number)
        if let known = cache.value(slot) { return Double(known) }
        let value = KeyDistance.similarity(key, keys.keys[Int(number)])
        cache.set(slot, Float(value))
        return value
    }
}
