import Foundation

/// How many residents carry each name part, by phonetic key, so that agreeing on a rare name
/// (QUISPE) counts for more than agreeing on SILVA or NGUYEN: the Fellegi–Sunter u-probability
/// of a name part is the share of residents who carry it.
struct NameFrequency: Sendable {
    private var counts: [UInt32] = []
    private(set) var population = 0

    /// Counts one resident's distinct part keys.
    mutating func add(resident keys: some Sequence<UInt32>) {
        population += 1
        for key in Set(keys) {
            let index = Int(key)
            if index >= counts.count { counts.append(contentsOf: repeatElement(0, count: index - counts.count + 1)) }
            counts[index] += 1
        }
    }

    /// log2(m/u) for agreeing on this part: m (a true match agrees) is high; u is the part's
    /// share of residents, floored so a name seen once is not treated as proof, and counted
    /// against a thousand residents more than there are, so that a small index (a test, a
    /// first import) does not take every name for a common one.
    func agreementWeight(_ key: UInt32) -> Double {
        let count = Int(key) < counts.count ? Double(counts[Int(key)]) : 0
        let share = max(count / Double(population + 1_000), 1.0 / 2_000)
        return min(max(log2(0.95 / share), 1.5), 11)
    }
}
