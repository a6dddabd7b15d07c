/// SplitMix64 (Steele, Lea & Flood, 2014): one 64-bit word of state and a few multiplies per
/// draw. Every person, household and file in the sample city draws from a generator seeded by
/// (city seed, purpose, index), so any one of them can be rebuilt on its own, in any order,
/// without generating or holding the others.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one item of one purpose: the same triple always gives the same draws.
    init(_ seed: UInt64, _ purpose: SamplePurpose, _ index: UInt64) {
        state = Self.finalize(seed ^ Self.finalize(purpose.rawValue &+ Self.finalize(index)))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.finalize(state)
    }

    /// The SplitMix64 output function; also a good 64-bit hash of one word.
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// A uniform integer in `0..<count` (the modulo bias is far below anything a sample shows).
    mutating func below(_ count: Int) -> Int { Int(next() % UInt64(count)) }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index skewed toward the front of a list ordered from most to least common, so the
    /// first names of a pool turn up often and the last ones rarely, as real surnames do.
    mutating func skewedIndex(_ count: Int) -> Int {
        let u = unit()
        return min(count - 1, Int(Double(count) * u * u))
    }

    mutating func skewedPick<T>(_ items: [T]) -> T { items[skewedIndex(items.count)] }
}

/// What a generator is for; part of its seed so two purposes never share draws.
enum SamplePurpose: UInt64 {
    case householdShape = 1
    case household
    case address
    case delta
    case deltaAddress
    case changedSnapshot
    case walkIns
    case workforce
}
