/// The part-to-key similarities (and given-name weights) already worked out for one roster row:
/// a block holds many SILVAs and NGUYENs, so most comparisons after the first few are a look-up.
/// Open addressing with a multiplicative hash; no allocation once it has grown to the row.
///
/// Values are kept exactly as worked out: stored as `Float`, a similarity on a level's edge
/// (0.849999994 against 0.85) counted at one level when first worked out and at the other when
/// read back, so a decision depended on which resident a hashed walk reached first.
struct SimilarityCache {
    private static let empty = UInt64.max
    private var slots: [UInt64]
    private var values: [Double]
    private var count = 0
    private var mask: Int

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Self.empty, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always) private func index(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    func value(_ key: UInt64) -> Double? {
        var i = index(key)
        while true {
            let slot = slots[i]
            if slot == key { return values[i] }
            if slot == Self.empty { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func set(_ key: UInt64, _ value: Double) {
        if (count + 1) * 2 > slots.count { grow() }
        var i = index(key)
        while slots[i] != Self.empty && slots[i] != key { i = (i + 1) & mask }
        if slots[i] == Self.empty { count += 1 }
        slots[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let oldSlots = slots, oldValues = values
        slots = Array(repeating: Self.empty, count: oldSlots.count * 2)
        values = Array(repeating: 0, count: oldSlots.count * 2)
        mask = slots.count - 1
        count = 0
        for (slot, value) in zip(oldSlots, oldValues) where slot != Self.empty { set(slot, value) }
    }
}
