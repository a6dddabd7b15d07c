/// Person ids, read as numbers, to the places of their residents in a list: open addressing
/// with linear probing, never more than half full. A slot is found by a multiplicative hash whose
/// odd multiplier is drawn for each table, so no file can choose person ids that collide.
///
/// Written here rather than taken from the standard library: a second snapshot at a million
/// residents fills one with every resident and then looks up every row, and with `Dictionary`
/// (SipHash for each id) the filling alone kept one core busy for half a second, with both
/// threads waiting for it.
struct PersonNumberTable {
    private var keys: [Int64]
    /// The place kept for the key in the same slot; -1 for an empty slot.
    private var places: [Int32]
    private let shift: UInt64
    private let multiplier: UInt64
    private var count = 0

    /// A table with room for `capacity` keys; `multiplier` (made odd) is for tests, which try
    /// poor ones too.
    init(capacity: Int, multiplier: UInt64? = nil) {
        let bits = max(4, Int.bitWidth - (2 * max(1, capacity) - 1).leadingZeroBitCount)
        keys = Array(repeating: 0, count: 1 << bits)
        places = Array(repeating: -1, count: 1 << bits)
        shift = UInt64(Int.bitWidth - bits)
        var random = SystemRandomNumberGenerator()
        self.multiplier = (multiplier ?? random.next()) | 1
    }

    /// The slot that holds `key`, or the empty slot where it would go.
    private func slot(of key: Int64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* multiplier) >> shift)
        while places[slot] >= 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// Keeps `place` for `key`; false, keeping the place it had, when the key is already there.
    /// Past `capacity` keys the table would fill up: adding more is a programming error.
    mutating func insert(_ key: Int64, place: Int32) -> Bool {
        let slot = slot(of: key)
        guard places[slot] < 0 else { return false }
        precondition(2 * count < keys.count, "a person number table is full")
        count += 1
        keys[slot] = key
        places[slot] = place
        return true
    }

    /// The place kept for `key`, if it is there.
    func place(of key: Int64) -> Int32? {
        let place = places[slot(of: key)]
        return place < 0 ? nil : place
    }
}
