@testable import KyoseiIdentity
import PropertyBased
import Testing

/// The second blocking pass reads its lists from `BlockLists`, flat once every resident is in:
/// whatever the keys and whenever the lists are flattened (residents may be added after), each
/// key must give back exactly the residents added under it, in the order they were added.
@Suite struct BlockListsTests {
    @Test func everyListComesBackWholeAndInOrder() async {
        // Few keys, so that lists are long and keys repeat on both sides of a flattening; keys
        // spread over the whole range, so that the search meets both ends.
        let key = Gen.int(in: 0...11).map { UInt64($0) &* 0x1555_5555_5555_5555 }
        await propertyCheck(input: key.array(of: 0...200), Gen.int(in: 0...200), Gen.int(in: 0...200)) { keys, first, second in
            var lists = BlockLists()
            var expected: [UInt64: [UInt32]] = [:]
            for (number, key) in keys.enumerated() {
                if number == first || number == second { lists.flatten() }
                lists.append(UInt32(number), to: key)
                expected[key, default: []].append(UInt32(number))
            }
            if first % 2 == 0 { lists.flatten() }
            for n in 0...12 {
                let key = UInt64(n) &* 0x1555_5555_5555_5555
                var listed: [UInt32] = []
                lists.forEach(in: key) { listed.append($0) }
                #expect(listed == expected[key] ?? [], "key \(n)")
            }
        }
    }
}
