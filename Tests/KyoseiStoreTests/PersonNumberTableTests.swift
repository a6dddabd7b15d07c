@testable import KyoseiStore
import PropertyBased
import Testing

/// The table a second snapshot finds its residents in must answer as a dictionary would, for
/// any person numbers: spread out, packed together, the same in their low or high bits (which a
/// poor hash would pile into one run of slots), repeated, and up to the capacity it was made for.
@Suite struct PersonNumberTableTests {
    @Test func itAnswersAsADictionaryDoes() async {
        let spread = Gen.int(in: 0...99_999_999_999).map { Int64($0) }
        let shape = Gen.int(in: 0...3)
        // Multipliers as poor as 1 (the low bits decide) are tried beside drawn ones.
        let multiplier = Gen.int(in: 0...3).map { UInt64($0) }
        let drawn = Gen.int(in: Int.min...Int.max).map { UInt64(bitPattern: Int64($0)) }
        await propertyCheck(input: spread.array(of: 0...300), shape, Gen.int(in: 1...40), multiplier, drawn) {
            numbers, shape, step, poor, drawn in
            let keys: [Int64] = switch shape {
            case 0: numbers
            case 1: numbers.indices.map { 10_000_000_000 + Int64($0) }
            case 2: numbers.indices.map { Int64($0) << 40 }
            default: numbers.map { $0 / Int64(step) * Int64(step) }
            }
            var table = PersonNumberTable(capacity: Set(keys).count, multiplier: poor < 2 ? poor : drawn)
            var expected: [Int64: Int32] = [:]
            for (place, key) in keys.enumerated() {
                let isNew = expected[key] == nil
                let inserted = table.insert(key, place: Int32(place))
                #expect(inserted == isNew)
                if isNew { expected[key] = Int32(place) }
            }
            for key in keys { #expect(table.place(of: key) == expected[key]) }
            for missing in keys.map({ $0 &+ 1 }) where expected[missing] == nil { #expect(table.place(of: missing) == nil) }
        }
    }

    @Test func aMillionPersonIDsFindTheirPlaces() {
        var table = PersonNumberTable(capacity: 1_000_000)
        let refused = (0..<1_000_000).filter { !table.insert(10_000_000_000 + Int64($0) * 7_919, place: Int32($0)) }
        #expect(refused.isEmpty)
        #expect(table.place(of: 10_000_000_000 + 999_999 * 7_919) == 999_999)
        #expect(table.place(of: 10_000_000_000 + 123_456 * 7_919) == 123_456)
        #expect(table.place(of: 10_000_000_001) == nil)
        let again = table.insert(10_000_000_000, place: 5)
        #expect(!again)
        #expect(table.place(of: 10_000_000_000) == 0)
    }
}
