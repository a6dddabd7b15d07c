/// A weighted edit distance between two phonetic keys. The costs encode what katakana spelling
/// of a foreign name varies in, so that those variations cost little and a different name costs
/// a lot: an echo vowel added or dropped (U, O, I), E against I and O against U, a voiced
/// against an unvoiced consonant (ジョン/チョン), R against H (ロドリゴ/ホドリゴ), a moraic N,
/// an H or a glide.
enum KeyDistance {
    /// 1 for identical keys, falling towards 0 as the weighted distance nears the longer length.
    /// Keys of three letters or fewer (Vietnamese and Korean syllables) lose a little more for
    /// any difference: one changed letter there is another name, not another spelling.
    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double { similarity(a, b, atLeast: 0) }

    /// `similarity(a, b)` where it is at least `floor`, and some value below `floor` where it is
    /// not. The matcher asks only whether two parts reach a level, and most pairs it compares
    /// are different names: their distance passes the level's within a letter or two, so the
    /// rest of the table is not worked out.
    static func similarity(_ a: [UInt8], _ b: [UInt8], atLeast floor: Double) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in similarity(a, b, atLeast: floor) } }
    }

    static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, atLeast floor: Double) -> Double {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        if a.elementsEqual(b) { return 1 }
        let shortPenalty = longest <= 3 ? 0.15 : 0
        // A distance past this leaves the similarity below the floor; the margin keeps a pair
        // within rounding of the floor worked out to the end.
        let limit = (1 - shortPenalty - floor) * Double(longest) + 1e-6
        guard let distance = distance(a, b, upTo: limit) else { return 0 }
        return max(0, 1 - distance / Double(longest) - shortPenalty)
    }

    /// The weighted distance, or nil once it must exceed `limit`.
    private static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, upTo limit: Double) -> Double? {
        table(a, b, upTo: limit).map { Double($0) }
    }

    /// Whether `piece` is within `limit` of some beginning of `key` (the whole of it, or none
    /// of it, included): the least cost of aligning `piece` with `key[..<j]` for any `j`, the
    /// least of the table's last row. A spelling that begins with `piece` is at least that far
    /// from `key`, since no cost is negative, so a join of parts whose first piece fails this
    /// cannot come within `limit` of the key.
    static func mayBegin(_ piece: UnsafeBufferPointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>, within limit: Double) -> Bool {
        table(piece, key, upTo: limit) != nil
    }

    /// The table of distances from each beginning of `a` to each beginning of `b`, a row per
    /// letter of `a`; its last cell, or nil once a whole row exceeds `limit`: no cell of a row
    /// is less than the least of the row before it, since no cost is negative.
    private static func table(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, upTo limit: Double) -> Float? {
        let n = a.count, m = b.count
        // Read through pointers, each row of substitutions found once per letter of `a` and
        // each letter of `b`'s insertion once per call: this function is a tenth of a roster
        // import's CPU, and checking the tables' bounds at every cell cost 7% of it. The sums
        // are the same.
        return indelTable.withUnsafeBufferPointer { indelCosts in
            substitutionTable.withUnsafeBufferPointer { substitutionCosts in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * (m + 1)) { buffer -> Float? in
                    let base = buffer.baseAddress!
                    var previous = base
                    var current = base + (m + 1)
                    let insertions = base + 2 * (m + 1)
                    previous[0] = 0
                    for j in 0..<m {
                        insertions[j] = indelCosts[Int(b[j] & 0x1F)]
                        previous[j + 1] = previous[j] + insertions[j]
                    }
                    for i in 0..<n {
                        let ai = a[i]
                        let deleteCost = indelCosts[Int(ai & 0x1F)]
                        let substitutions = substitutionCosts.baseAddress! + (Int(ai & 0x1F) << 5)
                        current[0] = previous[0] + deleteCost
                        var least = current[0]
                        for j in 0..<m {
                            let bj = b[j]
                            let substitution = previous[j] + (ai == bj ? 0 : substitutions[Int(bj & 0x1F)])
                            let deletion = previous[j + 1] + deleteCost
                            let insertion = current[j] + insertions[j]
                            current[j + 1] = min(substitution, min(deletion, insertion))
                            least = min(least, current[j + 1])
                        }
                        if Double(least) > limit { return nil }
                        swap(&previous, &current)
                    }
                    return previous[m]
                }
            }
        }
    }

    private static let indelTable: [Float] = {
        var costs = [Float](repeating: 1, count: 32)
        for (letter, cost) in [("U", 0.4), ("O", 0.45), ("I", 0.4), ("A", 0.8), ("E", 0.7), ("H", 0.5),
                               ("Y", 0.8), ("W", 0.4), ("N", 0.6), ("R", 0.7)] as [(Character, Float)] {
            costs[Int(letter.asciiValue! & 0x1F)] = cost
        }
        return costs
    }()

    private static let substitutionTable: [Float] = {
        var costs = [Float](repeating: 1, count: 32 * 32)
        let pairs: [(Character, Character, Float)] = [
            ("E", "I", 0.4), ("O", "U", 0.4), ("A", "O", 0.7), ("A", "E", 0.7), ("E", "O", 0.7), ("I", "U", 0.7),
            ("K", "G", 0.4), ("S", "Z", 0.4), ("T", "D", 0.4), ("B", "P", 0.4), ("H", "B", 0.6), ("H", "P", 0.6),
            ("T", "Z", 0.5), ("D", "Z", 0.4), ("S", "T", 0.6), ("R", "H", 0.6), ("R", "D", 0.7), ("N", "M", 0.5),
            ("W", "B", 0.6), ("W", "U", 0.5), ("Y", "I", 0.3), ("Y", "Z", 0.6), ("H", "K", 0.7), ("W", "H", 0.6),
            ("R", "N", 0.8), ("S", "K", 0.8),
        ]
        for (a, b, cost) in pairs {
            let x = Int(a.asciiValue! & 0x1F), y = Int(b.asciiValue! & 0x1F)
            costs[x << 5 | y] = cost
            costs[y << 5 | x] = cost
        }
        return costs
    }()
}
