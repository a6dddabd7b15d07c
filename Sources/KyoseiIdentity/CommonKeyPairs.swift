import Dispatch

/// Which pairs of the index's most used keys reach the close level, worked out once for the
/// whole import. A roster row is compared with every part of every resident its blocks bring
/// in, and most of those pairs are two different common names (MARIA and SILVA, NGUYEN and
/// SANTOS) that every row meets again: at a million residents the distance table for them was
/// over a quarter of matching. For a pair of common keys the table answers from a bit; every
/// other pair, and every pair that does reach the level, is still worked out row by row, so
/// the similarities the matcher uses are the same to the bit (`CommonKeyPairsTests`).
struct CommonKeyPairs: Sendable {
    /// Each key's place among the common keys, `notCommon` for the rest.
    private var ranks: [UInt16] = []
    /// Bit `a * size + b`: common keys `a` and `b` may reach the close level.
    private var near: [UInt64] = []
    private var size = 0
    static let notCommon = UInt16.max

    /// The keys that stand for the most name parts, at most `limit` of them (under
    /// `notCommon`): 4,096 keys take 2 MB, and at a million residents under a second of CPU.
    init(keys: KeyTable, uses: [UInt32], limit: Int = 4096) {
        let common = uses.indices.sorted { uses[$0] != uses[$1] ? uses[$0] > uses[$1] : $0 < $1 }.prefix(limit)
        let size = (common.count + 63) / 64 * 64
        guard size > 0 else { return }
        var ranks = [UInt16](repeating: Self.notCommon, count: keys.keys.count)
        for (rank, number) in common.enumerated() { ranks[number] = UInt16(rank) }
        let words = size / 64
        var near = [UInt64](repeating: 0, count: size * words)
        let keyList = common.map { keys.keys[$0] }
        near.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let bits = buffer.baseAddress!
            // The distance is symmetric to the bit (each cell of one table is the same sum as
            // the other's cell across the diagonal), so each row works out the pairs from its
            // own key on, into its own words, on every core; the other half is copied after.
            DispatchQueue.concurrentPerform(iterations: keyList.count) { a in
                for b in a..<keyList.count
                where KeyDistance.similarity(keyList[a], keyList[b], atLeast: MatchWeights.closeLevel) >= MatchWeights.closeLevel {
                    bits[a * words + b / 64] |= 1 << UInt64(b % 64)
                }
            }
            for a in keyList.indices {
                for b in 0..<a where bits[b * words + a / 64] & (1 << UInt64(a % 64)) != 0 {
                    bits[a * words + b / 64] |= 1 << UInt64(b % 64)
                }
            }
        }
        (self.ranks, self.near, self.size) = (ranks, near, size)
    }

    init() {}

    /// False only where both keys are common and cannot reach the close level.
    @inline(__always) func mayBeNear(_ a: UInt32, _ b: UInt32) -> Bool {
        guard Int(a) < ranks.count, Int(b) < ranks.count else { return true }
        let x = ranks[Int(a)], y = ranks[Int(b)]
        guard x != Self.notCommon, y != Self.notCommon else { return true }
        let bit = Int(x) * size + Int(y)
        return near[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}
