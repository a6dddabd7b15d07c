/// Aligns the parts of a roster name with the parts of a resident's name and scores the
/// alignment. Order is free (partners put the given name first), a resident's part may be
/// missing from the roster (a dropped second surname or middle name) at a small cost, while a
/// roster part the resident lacks costs a lot: a different given name is the sibling, the twin
/// or the stranger who shares a birth date and a family name.
///
/// A class, read by every matching thread at once: the many closures of one comparison each
/// capture it, and as a struct each capture copied the key table's dozen arrays, a retain and
/// a release each (a twentieth of the import's CPU at a million residents).
///
/// It keeps its own copy of every key's bytes and of the sets of other readings, in buffers
/// written once here and only read after (hence `@unchecked Sendable`): read from the key
/// table's arrays of arrays, each key handed to a comparison was a retain and a release.
final class NameComparator: @unchecked Sendable {
    /// A row's part. Its keys point into the row's `QueryBytes`, which outlive it and never change.
    struct QueryPart: @unchecked Sendable {
        let key: UnsafeBufferPointer<UInt8>
        let number: UInt32?
        let joined: UnsafeBufferPointer<UInt8>?
        let isParticle: Bool
    }

    struct Evidence {
        var score: Double
        var agreed: Int
        var unmatchedQuery: Int
        /// Agreements only at the close level, not the exact one.
        var close = 0
        /// What each part contributed; filled only when the comparison is asked to explain.
        var parts: [PartWeight] = []
    }

    let keys: KeyTable
    let frequency: NameFrequency

    /// Every key's bytes, key `n` from `keyStarts[n]` to `keyStarts[n + 1]`.
    private let keyBytes: UnsafeMutableBufferPointer<UInt8>
    private let keyStarts: UnsafeMutableBufferPointer<Int>
    /// Each set of other readings (`KeyTable.alternateSets`), set `n` from `setStarts[n]` to `setStarts[n + 1]`.
    private let setNumbers: UnsafeMutableBufferPointer<UInt32>
    private let setStarts: UnsafeMutableBufferPointer<Int>

    init(keys: KeyTable, frequency: NameFrequency) {
        self.keys = keys
        self.frequency = frequency
        (keyBytes, keyStarts) = Self.flatten(keys.keys)
        (setNumbers, setStarts) = Self.flatten(keys.alternateSets)
    }

    deinit {
        keyBytes.deallocate()
        keyStarts.deallocate()
        setNumbers.deallocate()
        setStarts.deallocate()
    }

    private static func flatten<T>(_ lists: [[T]]) -> (UnsafeMutableBufferPointer<T>, UnsafeMutableBufferPointer<Int>) {
        let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: lists.count + 1)
        var total = 0
        for (i, list) in lists.enumerated() {
            starts[i] = total
            total += list.count
        }
        starts[lists.count] = total
        let items = UnsafeMutableBufferPointer<T>.allocate(capacity: max(total, 1))
        for (i, list) in lists.enumerated() { _ = UnsafeMutableBufferPointer(rebasing: items[starts[i]...]).initialize(from: list) }
        return (items, starts)
    }

    /// Key `number`'s bytes.
    private func key(_ number: UInt32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: keyBytes[keyStarts[Int(number)]..<keyStarts[Int(number) + 1]])
    }

    /// The keys of the other readings of a stored part's spelling.
    private func alternates(_ stored: StoredPart) -> UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(rebasing: setNumbers[setStarts[Int(stored.alternates)]..<setStarts[Int(stored.alternates) + 1]])
    }

    /// `cache` remembers part-to-key similarities across the candidates of one row (a block
    /// holds many SILVAs); `set` tells apart the row's katakana parts and its Latin parts as
    /// read in each language. With `explain`, the evidence lists each part's weight.
    func compare(_ query: [QueryPart], _ candidate: ArraySlice<StoredPart>, set: UInt64,
                 cache: inout SimilarityCache, explain: Bool = false) -> Evidence {
        let rows = min(query.count, 64), columns = min(candidate.count, 64)
        guard rows > 0, columns > 0 else { return Evidence(score: -20, agreed: 0, unmatchedQuery: rows) }
        if !explain, sharesNothing(query, candidate, rows: rows, columns: columns, set: set, cache: &cache) {
            // What the alignment below comes to when nothing aligns: every roster part is
            // missing from a resident who has parts of their own.
            var evidence = Evidence(score: 0, agreed: 0, unmatchedQuery: 0)
            for r in 0..<rows where !query[r].isParticle {
                evidence.score += MatchWeights.disagreeingPart
                evidence.unmatchedQuery += 1
            }
            evidence.score += max(Double(columns) * MatchWeights.unmatchedCandidatePart, MatchWeights.unmatchedCandidateFloor)
            evidence.score = min(evidence.score, -20)
            return evidence
        }
        return withUnsafeTemporaryAllocation(of: Pair.self, capacity: rows * columns) { pairs in
            var count = 0
            for r in 0..<rows {
                let part = query[r]
                for c in 0..<columns {
                    let stored = candidate[candidate.startIndex + c]
                    let s = similarity(part, stored, set: set, place: r, cache: &cache)
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
            func agree(rows rowBits: UInt64, columns columnBits: UInt64, similarity: Double) {
                rowUsed |= rowBits
                columnUsed |= columnBits
                var weight = 0.0
                for c in 0..<columns where columnBits & (1 << UInt64(c)) != 0 {
                    let stored = candidate[candidate.startIndex + c]
                    weight += MatchWeights.agreement(similarity: similarity,
                                                     frequencyWeight: frequency.agreementWeight(stored.key))
                }
                evidence.score += weight
                evidence.agreed += 1
                if similarity < MatchWeights.exactLevel { evidence.close += 1 }
                if explain {
                    evidence.parts.append(PartWeight(query: queryText(rowBits, query),
                                                     resident: residentText(columnBits, candidate),
                                                     similarity: similarity, weight: weight))
                }
            }
            // A part written as two to four run together (パトリシアジュリアナ for PATRICIA
            // JULIANA, or the other way round) aligns with the neighbours the other side keeps
            // apart. It is looked for first, where no single part is the same name, so that a
            // run is not half-aligned with the one part it starts with.
            var exactRows: UInt64 = 0, exactColumns: UInt64 = 0
            for pair in pairs[0..<count] where pair.similarity >= MatchWeights.exactLevel {
                exactRows |= 1 << pair.row
                exactColumns |= 1 << pair.column
            }
            for r in 0..<rows where exactRows & (1 << UInt64(r)) == 0 && !query[r].isParticle {
                let run = joinedRun(query[r].key, free: ~columnUsed, count: columns,
                                    readings: { .stored(candidate[candidate.startIndex + $0]) },
                                    mayStart: { _, number, piece in
                                        // A resident's reading, for this part of the row; every stored reading has a number.
                                        guard let number else { return true }
                                        return mayBegin(piece, query[r].key, slot: Self.slots(set: set, place: r) | 1 << 36 | UInt64(number),
                                                        cache: &cache)
                                    })
                if let (bits, s) = run {
                    agree(rows: 1 << UInt64(r), columns: bits, similarity: s)
                }
            }
            for c in 0..<columns where exactColumns & (1 << UInt64(c)) == 0 && columnUsed & (1 << UInt64(c)) == 0 {
                let run = rowRun(for: candidate[candidate.startIndex + c].key, query, rows: rows, used: rowUsed, set: set,
                                 cache: &cache)
                if let (bits, s) = run {
                    agree(rows: bits, columns: 1 << UInt64(c), similarity: s)
                }
            }
            for pair in pairs[0..<count] {
                let rowBit: UInt64 = 1 << pair.row, columnBit: UInt64 = 1 << pair.column
                guard rowUsed & rowBit == 0, columnUsed & columnBit == 0 else { continue }
                agree(rows: rowBit, columns: columnBit, similarity: pair.similarity)
            }
            let missing = columns - columnUsed.nonzeroBitCount
            for r in 0..<rows where rowUsed & (1 << UInt64(r)) == 0 && !query[r].isParticle {
                let weight = missing > 0 ? MatchWeights.disagreeingPart : MatchWeights.unmatchedQueryPart
                evidence.score += weight
                evidence.unmatchedQuery += 1
                if explain {
                    evidence.parts.append(PartWeight(query: queryText(1 << UInt64(r), query), resident: nil,
                                                     similarity: 0, weight: weight))
                }
            }
            let left = max(Double(missing) * MatchWeights.unmatchedCandidatePart, MatchWeights.unmatchedCandidateFloor)
            evidence.score += left
            if explain, missing > 0 {
                evidence.parts.append(PartWeight(query: nil, resident: residentText(~columnUsed, candidate),
                                                 similarity: 0, weight: left))
            }
            if evidence.agreed == 0 { evidence.score = min(evidence.score, -20) }
            return evidence
        }
    }

    /// Whether `compare` would align nothing: no pair of parts reaches the close level and no
    /// run of parts (`joinedRun`) can even start, since none begins with a sound of the part's
    /// first letter's class with the room to stay near its length. At a million residents a
    /// birth date and sex bring in about 70 residents, most of them strangers to the row; about
    /// half of those pass this screen (in the rest a run could start), and their evidence
    /// follows from how many parts each side has, without the alignment.
    /// Every test here is one `joinedRun` makes before it builds a join, so the answer is
    /// exact: true only where the alignment finds nothing.
    func sharesNothing(_ query: [QueryPart], _ candidate: ArraySlice<StoredPart>, rows: Int, columns: Int,
                       set: UInt64, cache: inout SimilarityCache) -> Bool {
        let start = candidate.startIndex
        for c in 0..<columns {
            let stored = candidate[start + c]
            for r in 0..<rows where similarity(query[r], stored, set: set, place: r, cache: &cache) >= MatchWeights.closeLevel {
                return false
            }
        }
        // A run of the resident's parts for a roster part: two adjacent parts, the first with a
        // reading that may start alike, whose shortest readings together fit the part's length.
        for r in 0..<rows where !query[r].isParticle {
            guard let first = query[r].key.first else { continue }
            let wanted = Self.wantedBits(first), longest = 8 * query[r].key.count / 5
            var shortest = shortestReading(.stored(candidate[start]))
            for c in 0..<(columns - 1) {
                let next = shortestReading(.stored(candidate[start + c + 1]))
                if startBits(.stored(candidate[start + c])) & wanted != 0, shortest + next <= longest { return false }
                shortest = next
            }
        }
        // A run of the roster's parts for a resident's part, read by its key alone (whose
        // first letter's bits the table keeps: `mayStartAlike` is symmetric).
        for c in 0..<columns {
            let key = candidate[start + c].key
            let starts = keys.starts[Int(key)], longest = 8 * Int(keys.lengths[Int(key)]) / 5
            for r in 0..<(rows - 1) {
                guard let head = query[r].key.first, Self.wantedBits(head) & starts != 0 else { continue }
                if query[r].key.count + query[r + 1].key.count <= longest { return false }
            }
        }
        return true
    }

    /// `startBits` of the first letter of each of a part's readings (`forEachReading`), read
    /// from the key table rather than from the keys.
    private func startBits(_ readings: Readings) -> UInt32 {
        switch readings {
        case .written(let key):
            return key.first.map(Self.startBits) ?? 0
        case .stored(let stored):
            var bits = keys.starts[Int(stored.key)] | keys.alternateStarts[Int(stored.alternates)]
            if stored.spoken != StoredPart.none { bits |= keys.starts[Int(stored.spoken)] }
            if stored.joined != StoredPart.none { bits |= keys.starts[Int(stored.joined)] }
            return bits
        }
    }

    /// The length of a part's shortest reading.
    private func shortestReading(_ readings: Readings) -> Int {
        switch readings {
        case .written(let key):
            return key.count
        case .stored(let stored):
            var least = min(keys.lengths[Int(stored.key)], keys.alternateShortest[Int(stored.alternates)])
            if stored.spoken != StoredPart.none { least = min(least, keys.lengths[Int(stored.spoken)]) }
            if stored.joined != StoredPart.none { least = min(least, keys.lengths[Int(stored.joined)]) }
            return Int(least)
        }
    }

    /// A part's keys as a run may join them: a stored part's own, its sound, its spelling joined
    /// to the particles before it (ダホザ for DA ROSA: a partner runs DA ROSA LIMA together as
    /// ダホザリマ) and its other readings; a roster part's one key. Named rather than listed,
    /// since most block mates share nothing with the row and a list a part cost more than the
    /// look for runs it served.
    private enum Readings {
        case stored(StoredPart)
        case written(UnsafeBufferPointer<UInt8>)
    }

    /// Each reading's bytes, and its key's number where the table has one (a stored part's).
    private func forEachReading(_ readings: Readings, _ body: (UInt32?, UnsafeBufferPointer<UInt8>) -> Void) {
        switch readings {
        case .written(let key):
            body(nil, key)
        case .stored(let stored):
            body(stored.key, key(stored.key))
            if stored.spoken != StoredPart.none { body(stored.spoken, key(stored.spoken)) }
            if stored.joined != StoredPart.none { body(stored.joined, key(stored.joined)) }
            for number in alternates(stored) { body(number, key(number)) }
        }
    }

    /// `joinedRun` of the row's parts not `used` yet for a resident's key. With every part free
    /// (nearly always) it depends on the key alone, so it is remembered with the row's
    /// similarities (`slots`, bit 38, and bit 37 for the run's parts). A block's residents share
    /// given and family names, and at a million residents 28% of these runs were looked for
    /// again for a key already tried.
    private func rowRun(for number: UInt32, _ query: [QueryPart], rows: Int, used: UInt64, set: UInt64,
                        cache: inout SimilarityCache) -> (UInt64, Double)? {
        let slot = Self.slots(set: set, place: 0) | 1 << 38 | UInt64(number)
        if used == 0, let known = cache.value(slot) {
            guard known >= 0 else { return nil }
            return (cache.value(slot | 1 << 37)!.bitPattern, known)
        }
        let run = joinedRun(key(number), free: ~used, count: rows, readings: { .written(query[$0].key) },
                            mayStart: { start, _, piece in mayBegin(piece, key(number), slot: Self.rowStartSlot(set, start, number),
                                                                    cache: &cache) })
        if used == 0 {
            cache.set(slot, run?.1 ?? -1)
            if let run { cache.set(slot | 1 << 37, Double(bitPattern: run.0)) }
        }
        return run
    }

    /// Where the row's part at `place` is remembered as a possible start of a run for the
    /// resident's key `number` (`mayBegin`): bit 35. A resident's reading as a start of a run
    /// for the row's part is under bit 36.
    private static func rowStartSlot(_ set: UInt64, _ place: Int, _ number: UInt32) -> UInt64 {
        slots(set: set, place: place) | 1 << 35 | UInt64(number)
    }

    /// Whether a join that begins with `piece` may reach the exact level against `key`
    /// (`KeyDistance.mayBegin`), remembered under `slot`. A join that reaches it whole is within
    /// 0.15 of its longer length, at most the run's longest (`joinedRun`), of the key; one that
    /// reaches it cut has its first piece within 0.15 of that piece's cut of the key: either
    /// way its first piece is that near a beginning of the key. At a million residents three in
    /// five of the joins judged began with a piece that was not, and their tables were most of
    /// the time spent looking for runs.
    private func mayBegin(_ piece: UnsafeBufferPointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>, slot: UInt64,
                          cache: inout SimilarityCache) -> Bool {
        if let known = cache.value(slot) { return known > 0 }
        let may = KeyDistance.mayBegin(piece, key, within: Self.beginningLimit(key.count))
        cache.set(slot, may ? 1 : 0)
        return may
    }

    /// The distance `mayBegin` allows a first piece from a beginning of a key of `count` letters.
    static func beginningLimit(_ count: Int) -> Double {
        (1 - MatchWeights.exactLevel) * Double(8 * count / 5) + 1e-6
    }

    /// The best run of two to four adjacent free parts on the other side whose keys, joined,
    /// are the same name as `key`, each part read by its letters or its sound; only a
    /// near-exact join counts, since a run is long enough to resemble many things loosely.
    /// Most block mates share nothing with the row, and looking for runs in each of them
    /// tripled the matching time: a run must start with a sound of the part's first letter's
    /// class, and its length must leave the exact level within reach, before a join is built.
    /// `mayStart(start, number, reading)` tells whether a join may begin with that reading of
    /// the part at `start` (`mayBegin`).
    private func joinedRun(_ key: UnsafeBufferPointer<UInt8>, free: UInt64, count: Int, readings: (Int) -> Readings,
                           mayStart: (Int, UInt32?, UnsafeBufferPointer<UInt8>) -> Bool) -> (UInt64, Double)? {
        guard let first = key.first else { return nil }
        // A join already longer than the part by more than 3/8 can only grow further off.
        let longest = 8 * key.count / 5
        let wanted = Self.wantedBits(first)
        // Called for nearly every part of every block mate, and most find no part to start a
        // run with: the joins are built in place, on the stack, so that such a call costs only
        // its tests (it was a sixth of the import's CPU, mostly allocation and reference counting).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest + 1) { spelling in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 4) { ends in
                var run = RunJoin(key: key, spelling: spelling.baseAddress!, ends: ends.baseAddress!, longest: longest)
                for start in 0..<count where free & (1 << UInt64(start)) != 0 {
                    guard startBits(readings(start)) & wanted != 0 else { continue }
                    var shortest = shortestReading(readings(start))
                    var bits: UInt64 = 1 << UInt64(start)
                    for end in (start + 1)..<min(count, start + 4)
                    where free & (1 << UInt64(end)) != 0 && bits & (1 << UInt64(end - 1)) != 0 {
                        shortest += shortestReading(readings(end))
                        if shortest > longest { break }
                        bits |= 1 << UInt64(end)
                        join(&run, parts: start...end, index: start, length: 0, bits: bits, readings: readings, mayStart: mayStart)
                    }
                }
                return run.best
            }
        }
    }

    /// A join `joinedRun` is building: the part's key, the spelling so far and where each of
    /// its pieces ends, and the best run found.
    private struct RunJoin {
        let key: UnsafeBufferPointer<UInt8>
        let spelling: UnsafeMutablePointer<UInt8>
        let ends: UnsafeMutablePointer<Int>
        let longest: Int
        var best: (UInt64, Double)?
    }

    /// Each join of one reading a part of `parts`, from `index` on, as long as it stays within
    /// reach, judged whole and cut.
    private func join(_ run: inout RunJoin, parts: ClosedRange<Int>, index: Int, length: Int, bits: UInt64,
                      readings: (Int) -> Readings, mayStart: (Int, UInt32?, UnsafeBufferPointer<UInt8>) -> Bool) {
        guard index <= parts.upperBound else { return judge(&run, length: length, pieces: parts.count, bits: bits) }
        forEachReading(readings(index)) { number, reading in
            guard length + reading.count <= run.longest else { return }
            guard index > parts.lowerBound || mayStart(index, number, reading) else { return }
            if let start = reading.baseAddress { (run.spelling + length).update(from: start, count: reading.count) }
            run.ends[index - parts.lowerBound] = length + reading.count
            join(&run, parts: parts, index: index + 1, length: length + reading.count, bits: bits, readings: readings,
                 mayStart: mayStart)
        }
    }

    private func judge(_ run: inout RunJoin, length: Int, pieces: Int, bits: UInt64) {
        let key = run.key
        // Each letter of difference in length costs at least 0.4, so a join further than 3/8
        // of the longer length from the part's cannot reach the exact level.
        guard 8 * abs(length - key.count) <= 3 * max(length, key.count) else { return }
        // Whole, or cut where each piece is read as its own part: two parts each a little off
        // (ウエルドンラッセル for WELDON RUSSELL) add up to more difference than the whole may
        // have, though each alone is the same name. The cut alignments, put together, align the
        // whole: pieces each within 0.15 of their length put the whole within 0.3 of the longer,
        // so a whole below 0.7 spares the costly search for the cut.
        let spelling = UnsafeBufferPointer(start: run.spelling, count: length)
        var s = KeyDistance.similarity(key, spelling, atLeast: Self.piecewiseFloor)
        if s < MatchWeights.exactLevel, s >= Self.piecewiseFloor {
            s = max(s, Self.piecewiseSimilarity(key, spelling, ends: run.ends, pieces: pieces))
        }
        if s >= MatchWeights.exactLevel, s > (run.best?.1 ?? 0) { run.best = (bits, s) }
    }

    /// Below this whole similarity no cut brings every piece to the exact level (see `joinedRun`).
    static let piecewiseFloor = 1 - 2 * (1 - MatchWeights.exactLevel) - 1e-9

    /// The best cut of `key` into `pieces` pieces, each compared with its own piece of
    /// `spelling` (piece `i` ends at `ends[i]`): the least of those similarities, at the cut
    /// where it is greatest.
    static func piecewiseSimilarity(_ key: UnsafeBufferPointer<UInt8>, _ spelling: UnsafeBufferPointer<UInt8>,
                                    ends: UnsafePointer<Int>, pieces: Int) -> Double {
        var best = 0.0
        cut(key, from: 0, spelling, ends: ends, piece: 0, of: pieces, worst: 1, best: &best)
        return best
    }

    /// A similarity below the best cut so far cannot better it, so each is worked out only as
    /// far as it might (`KeyDistance.similarity(_:_:atLeast:)`).
    private static func cut(_ key: UnsafeBufferPointer<UInt8>, from: Int, _ spelling: UnsafeBufferPointer<UInt8>,
                            ends: UnsafePointer<Int>, piece: Int, of pieces: Int, worst: Double, best: inout Double) {
        let own = UnsafeBufferPointer(rebasing: spelling[(piece == 0 ? 0 : ends[piece - 1])..<ends[piece]])
        if piece == pieces - 1 {
            best = max(best, min(worst, KeyDistance.similarity(UnsafeBufferPointer(rebasing: key[from...]), own, atLeast: best)))
            return
        }
        guard from + 1 < key.count else { return }
        for end in (from + 1)..<key.count {
            let s = min(worst, KeyDistance.similarity(UnsafeBufferPointer(rebasing: key[from..<end]), own, atLeast: best))
            if s > best { cut(key, from: end, spelling, ends: ends, piece: piece + 1, of: pieces, worst: s, best: &best) }
        }
    }

    /// Whether two names may start with these letters and still be one name: the same sound
    /// class, or W against a vowel (ウエルドン, large エ, for WELDON, where ウェ would give WE).
    static func mayStartAlike(_ a: UInt8, _ b: UInt8) -> Bool {
        let w = UInt8(ascii: "W")
        return soundClass(a) == soundClass(b) || (a == w && PhoneticKey.isVowel(b)) || (b == w && PhoneticKey.isVowel(a))
    }

    /// `mayStartAlike` as bits, so that a part's readings are tested at once: `mayStartAlike(a, b)`
    /// exactly when `startBits(a) & wantedBits(b)` is not 0. A letter sets its sound class, and
    /// one bit each for being W and being a vowel, which the other side wants the other way round.
    static func startBits(_ c: UInt8) -> UInt32 {
        classBit(c) | (c == UInt8(ascii: "W") ? 1 << 30 : 0) | (PhoneticKey.isVowel(c) ? 1 << 31 : 0)
    }

    static func wantedBits(_ c: UInt8) -> UInt32 {
        classBit(c) | (PhoneticKey.isVowel(c) ? 1 << 30 : 0) | (c == UInt8(ascii: "W") ? 1 << 31 : 0)
    }

    private static func classBit(_ c: UInt8) -> UInt32 { 1 << UInt32(soundClass(c) & 0x1F) }

    /// Letters a katakana spelling turns into one another at the start of a name: voicing, R
    /// heard as H, V and W as B, and any vowel for any other.
    private static func soundClass(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "G"): UInt8(ascii: "K")
        case UInt8(ascii: "Z"), UInt8(ascii: "D"), UInt8(ascii: "T"): UInt8(ascii: "S")
        case UInt8(ascii: "P"), UInt8(ascii: "W"): UInt8(ascii: "B")
        case UInt8(ascii: "R"): UInt8(ascii: "H")
        case UInt8(ascii: "M"): UInt8(ascii: "N")
        case _ where PhoneticKey.isVowel(c) || c == UInt8(ascii: "Y"): UInt8(ascii: "A")
        default: c
        }
    }

    /// The keys of the parts `bits` names, joined by `+`, for an explanation.
    private func queryText(_ bits: UInt64, _ query: [QueryPart]) -> String {
        Self.text(bits, count: query.count) { Array(query[$0].key) }
    }

    private func residentText(_ bits: UInt64, _ candidate: ArraySlice<StoredPart>) -> String {
        Self.text(bits, count: candidate.count) { Array(key(candidate[candidate.startIndex + $0].key)) }
    }

    private static func text(_ bits: UInt64, count: Int, _ key: (Int) -> [UInt8]) -> String {
        var text: [UInt8] = []
        for i in 0..<min(count, 64) where bits & (1 << UInt64(i)) != 0 {
            if !text.isEmpty { text.append(UInt8(ascii: "+")) }
            text += key(i)
        }
        return String(decoding: text, as: UTF8.self)
    }

    private struct Pair {
        var similarity: Double
        var row: UInt8
        var column: UInt8
    }

    /// The slots a row's part keeps its similarities under in the row's cache: its reading
    /// set (`set`, up to 17: katakana 0, or the Latin as read in one language) in bits 58–62,
    /// its place in bits 40–45, bit 39 for its joined spelling, the key's number below (a key
    /// number fits in 32 bits, which leaves bits 37 and 38 to `rowRun`, 35 and 36 to `mayBegin`). With
    /// the set in the top four bits, Italian (16) fell on the katakana's slots and Polish (17)
    /// on the Portuguese (1): a row carrying both names against an Italian resident was given
    /// the katakana part's similarity for the Latin part's.
    private static func slots(set: UInt64, place: Int) -> UInt64 { set << 58 | UInt64(place) << 40 }

    private func similarity(_ part: QueryPart, _ stored: StoredPart, set: UInt64, place: Int,
                            cache: inout SimilarityCache) -> Double {
        let tag = Self.slots(set: set, place: place)
        if let number = part.number, number == stored.key || number == stored.joined || number == stored.spoken {
            return 1
        }
        var best = similarity(part.key, part.number, stored.key, tag: tag, cache: &cache)
        for alternate in alternates(stored) {
            if part.number == alternate { return 1 }
            best = max(best, similarity(part.key, part.number, alternate, tag: tag, cache: &cache))
        }
        if stored.joined != StoredPart.none {
            best = max(best, similarity(part.key, part.number, stored.joined, tag: tag, cache: &cache))
        }
        if stored.spoken != StoredPart.none {
            best = max(best, similarity(part.key, part.number, stored.spoken, tag: tag, cache: &cache))
        }
        if let joined = part.joined {
            best = max(best, similarity(joined, nil, stored.key, tag: tag | 1 << 39, cache: &cache))
        }
        return best
    }

    /// `key` is numbered `keyNumber` where the index knows it.
    private func similarity(_ key: UnsafeBufferPointer<UInt8>, _ keyNumber: UInt32?, _ number: UInt32, tag: UInt64,
                            cache: inout SimilarityCache) -> Double {
        // Two common keys that are not near: any value below the close level will do.
        if let keyNumber, !keys.common.mayBeNear(keyNumber, number) { return 0 }
        let slot = tag | UInt64(number)
        if let known = cache.value(slot) { return known }
        // Below the close level a pair is not aligned, whatever its similarity.
        let value = KeyDistance.similarity(key, self.key(number), atLeast: MatchWeights.closeLevel)
        cache.set(slot, value)
        return value
    }
}
