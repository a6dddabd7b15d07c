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
                 cache: inout [UInt64: Float]) -> Evidence {
        let rows = query.count, columns = candidate.count
        guard rows > 0, columns > 0 else { return Evidence(score: -20, agreed: 0, unmatchedQuery: rows) }
        var pairs: [(similarity: Double, row: Int, column: Int)] = []
        pairs.reserveCapacity(rows * columns)
        for (r, part) in query.enumerated() {
            for (c, stored) in candidate.enumerated() {
                let s = similarity(part, stored, tag: set << 60 | UInt64(r) << 40, cache: &cache)
                if s >= MatchWeights.closeLevel { pairs.append((s, r, c)) }
            }
        }
        pairs.sort { $0.similarity > $1.similarity }
        var rowUsed = [Bool](repeating: false, count: rows)
        var columnUsed = [Bool](repeating: false, count: columns)
        var evidence = Evidence(score: 0, agreed: 0, unmatchedQuery: 0)
        for pair in pairs where !rowUsed[pair.row] && !columnUsed[pair.column] {
            rowUsed[pair.row] = true
            columnUsed[pair.column] = true
            let stored = candidate[candidate.startIndex + pair.column]
            let weight = frequency.agreementWeight(stored.key)
            evidence.score += MatchWeights.agreement(similarity: pair.similarity, frequencyWeight: weight)
            evidence.agreed += 1
        }
        let missing = columnUsed.lazy.filter { !$0 }.count
        for (r, part) in query.enumerated() where !rowUsed[r] && !part.isParticle {
            evidence.score += missing > 0 ? MatchWeights.disagreeingPart : MatchWeights.unmatchedQueryPart
            evidence.unmatchedQuery += 1
        }
        evidence.score += max(Double(missing) * MatchWeights.unmatchedCandidatePart, MatchWeights.unmatchedCandidateFloor)
        if evidence.agreed == 0 { evidence.score = min(evidence.score, -20) }
        return evidence
    }

    private func similarity(_ part: QueryPart, _ stored: StoredPart, tag: UInt64, cache: inout [UInt64: Float]) -> Double {
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

    private func similarity(_ key: [UInt8], _ number: UInt32, tag: UInt64, cache: inout [UInt64: Float]) -> Double {
        let slot = tag | UInt64(number)
        if let known = cache[slot] { return Double(known) }
        let value = KeyDistance.similarity(key, keys.keys[Int(number)])
        cache[slot] = Float(value)
        return value
    }
}
