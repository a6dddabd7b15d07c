/// Lists of residents by a blocking key, as the index's second pass keeps them (family-name
/// skeleton, birth year, month and sex). Most of these lists hold one or two residents: as a
/// dictionary of arrays each list was an allocation of its own, and keeping them flat took
/// 30 MB off a million-resident roster import's peak. Once every resident is in (`flatten`), the lists are kept as three
/// flat arrays and found by binary search; residents added later go to the dictionary again.
/// A list's residents come back in the order they were added.
struct BlockLists {
    private var growing: [UInt64: [UInt32]] = [:]
    /// Sorted keys; the residents of `keys[i]` are `numbers[starts[i]..<starts[i + 1]]`.
    private var keys: [UInt64] = []
    private var starts: [UInt32] = [0]
    private var numbers: [UInt32] = []

    mutating func append(_ number: UInt32, to key: UInt64) {
        growing[key, default: []].append(number)
    }

    /// Moves every list into the flat arrays, those already there first. Each list's array is
    /// let go as it is copied, so the move needs little more room than the flat arrays.
    mutating func flatten() {
        guard !growing.isEmpty else { return }
        let (oldKeys, oldStarts, oldNumbers) = (keys, starts, numbers)
        var allKeys = oldKeys + growing.keys.filter { Self.find($0, in: oldKeys) == nil }
        allKeys.sort()
        var flatStarts: [UInt32] = [0], flatNumbers: [UInt32] = []
        flatStarts.reserveCapacity(allKeys.count + 1)
        flatNumbers.reserveCapacity(oldNumbers.count + growing.values.reduce(0) { $0 + $1.count })
        for key in allKeys {
            if let i = Self.find(key, in: oldKeys) { flatNumbers += oldNumbers[Int(oldStarts[i])..<Int(oldStarts[i + 1])] }
            if let list = growing.removeValue(forKey: key) { flatNumbers += list }
            flatStarts.append(UInt32(flatNumbers.count))
        }
        growing = [:]
        (keys, starts, numbers) = (allKeys, flatStarts, flatNumbers)
    }

    private static func find(_ key: UInt64, in keys: [UInt64]) -> Int? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? low : nil
    }

    /// Gives each resident the number `renumbered[old]`.
    mutating func renumber(_ renumbered: [UInt32]) {
        for i in numbers.indices { numbers[i] = renumbered[Int(numbers[i])] }
        growing = growing.mapValues { $0.map { renumbered[Int($0)] } }
    }

    /// Each resident listed under `key`, in the order they were added.
    func forEach(in key: UInt64, _ body: (UInt32) -> Void) {
        if let i = Self.find(key, in: keys) {
            for number in numbers[Int(starts[i])..<Int(starts[i + 1])] { body(number) }
        }
        for number in growing[key] ?? [] { body(number) }
    }
}
