/// The part-to-key similarities (and given-name weights) already worked out for one roster row:
/// a block holds many SILVAs and NGUYENs, so most comparisons after the first few are a look-up.
/// Open addressing with a multiplicative hash; no allocation once it has grown to the row.
///
/// Values are kept exactly as worked out: stored as `Float`, a similarity on a level's edge
/// (0.849999994 against 0.85) counted at one level when first worked out and at the other when
/// read back, so a decision depended on which resident a hashed walk reached first.
struct SimilarityCache {
    private static let empty = UInt64.max

    private struct Entry {
        var slot: UInt64
        var value: Double
    }

    /// Slots and values side by side, in one allocation.
    private var entries: [Entry]
    private var count = 0
    private var mask: Int

    /// At a million residents more than half of the rows keep 64 entries or fewer, nine in ten
    /// 128 or fewer, one in fifty over 224. Made for 256, each row's cache was two 4 KB arrays
    /// filled in, which its block mostly did not need; made for 64, four rows in ten grew it
    /// (side by side with 64, 128 took 1.3% less CPU over three runs, though not in each).
    init(capacity: Int = 128) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = Array(repeating: Entry(slot: Self.empty, value: 0), count: size)
        mask = size - 1
    }

    @inline(__always) private func index(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    func value(_ key: UInt64) -> Double? {
        var i = index(key)
        while true {
            let entry = entries[i]
            if entry.slot == key { return entry.value }
            if entry.slot == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func set(_ key: UInt64, _ value: Double) {
        if (count + 1) * 2 > entries.count { grow() }
        var i = index(key)
        while entries[i].slot != Self.empty && entries[i].slot != key { i = (i + 1) & mask }
        if entries[i].slot == Self.empty { count += 1 }
        entries[i] = Entry(slot: key, value: value)
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(slot: Self.empty, value: 0), count: old.count * 2)
        mask = entries.count - 1
        count = 0
        for entry in old where entry.slot != Self.empty { set(entry.slot, entry.value) }
    }
}
