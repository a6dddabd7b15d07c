import KyoseiDomain
@testable import KyoseiIdentity
import KyoseiSampleData
import Testing

/// The matcher asks `KeyDistance` only whether two keys reach a level, and stops working out
/// a distance once the level is out of reach: at or above the level the answer must be the
/// whole similarity to the last bit, below it anything below it, or decisions would move.
@Suite struct KeyDistanceFloorTests {
    @Test func aFloorNeverChangesASimilarityThatReachesIt() throws {
        let keys = try Self.sampleKeys()
        let floors = [0, PhoneticSearch.partFloor, MatchWeights.closeLevel, NameComparator.piecewiseFloor, MatchWeights.exactLevel]
        var reached = Array(repeating: 0, count: floors.count)
        for a in keys {
            for b in keys {
                let whole = KeyDistance.similarity(a, b)
                for (n, floor) in floors.enumerated() {
                    let bounded = KeyDistance.similarity(a, b, atLeast: floor)
                    if whole >= floor {
                        reached[n] += 1
                        #expect(bounded == whole, "\(String(decoding: a, as: UTF8.self)) ~ \(String(decoding: b, as: UTF8.self))")
                    } else {
                        #expect(bounded < floor)
                    }
                }
            }
        }
        // Each floor above 0 is met by more pairs than the keys with themselves and missed by
        // others, so both answers were checked.
        #expect(reached.dropFirst().allSatisfy { $0 > keys.count && $0 < keys.count * keys.count })
    }

    /// A similarity read back from a row's cache must be the one worked out, or a pair on a
    /// level's edge is counted at one level the first time and at the other the next, and the
    /// decision depends on the order the residents were reached in.
    @Test func theCacheGivesBackASimilarityToTheLastBit() throws {
        let keys = try Self.sampleKeys().prefix(120)
        var cache = SimilarityCache()
        var slot: UInt64 = 0
        var narrower = 0
        for a in keys {
            for b in keys {
                let whole = KeyDistance.similarity(a, b)
                if Double(Float(whole)) != whole { narrower += 1 }
                cache.set(slot, whole)
                #expect(cache.value(slot) == whole)
                slot += 1
            }
        }
        // Most similarities are not exact in a Float: the check would catch a narrower cache.
        #expect(narrower > keys.count)
    }

    /// A join of parts is judged only where its first piece may begin the key
    /// (`KeyDistance.mayBegin` within `NameComparator.beginningLimit`): every join that reaches
    /// the exact level, whole or cut, must pass. Joins here are two keys run together against
    /// the two as one name, each a little changed the way spellings differ (a vowel in or out,
    /// a voiced consonant, R for H), and strangers besides.
    @Test func aJoinThatReachesTheExactLevelMayBeginTheKey() throws {
        let keys = Array(try Self.sampleKeys().prefix(120))
        var random = SplitMix(17)
        var reached = 0, refused = 0
        for a in keys {
            for b in keys {
                for (key, first, second) in [(a + b, a, b), (a + b, Self.changed(a, &random), Self.changed(b, &random)),
                                             (Self.changed(a + b, &random), a, b), (a + b, b, a)] {
                    let join = first + second
                    guard !key.isEmpty, join.count <= 8 * key.count / 5 else { continue }
                    let exact = key.withUnsafeBufferPointer { k in
                        join.withUnsafeBufferPointer { j in
                            [first.count, join.count].withUnsafeBufferPointer { ends in
                                max(KeyDistance.similarity(k, j, atLeast: 0),
                                    NameComparator.piecewiseSimilarity(k, j, ends: ends.baseAddress!, pieces: 2)) >= MatchWeights.exactLevel
                            }
                        }
                    }
                    let may = key.withUnsafeBufferPointer { k in
                        first.withUnsafeBufferPointer { KeyDistance.mayBegin($0, k, within: NameComparator.beginningLimit(k.count)) }
                    }
                    if exact {
                        reached += 1
                        #expect(may, "\(String(decoding: first, as: UTF8.self))+\(String(decoding: second, as: UTF8.self)) ~ \(String(decoding: key, as: UTF8.self))")
                    } else if !may {
                        refused += 1
                    }
                }
            }
        }
        // Both answers were given many times.
        #expect(reached > 10_000 && refused > 5_000, "reached \(reached), refused \(refused)")
    }

    /// One or two of the changes katakana spellings make to a key.
    private static func changed(_ key: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        var key = key
        let swaps: [UInt8: UInt8] = [0x4B: 0x47, 0x47: 0x4B, 0x53: 0x5A, 0x54: 0x44, 0x44: 0x54, 0x42: 0x50, 0x52: 0x48,
                                     0x48: 0x52, 0x45: 0x49, 0x49: 0x45, 0x4F: 0x55, 0x55: 0x4F]
        for _ in 0..<(1 + random.below(2)) where !key.isEmpty {
            let at = random.below(key.count)
            switch random.below(3) {
            case 0: key[at] = swaps[key[at]] ?? key[at]
            case 1: key.insert([0x55, 0x4F, 0x49][random.below(3)], at: at)
            default: if key.count > 2, PhoneticKey.isVowel(key[at]) { key.remove(at: at) }
            }
        }
        return key
    }

    private static func sampleKeys() throws -> [[UInt8]] {
        let city = SampleCity(residents: 300, seed: 7, asOf: try LocalDate("2026-04-01"))
        var keys: [[UInt8]] = []
        city.forEachResident { resident in
            let language = SpellingLanguage(nationality: resident.nationality)
            var parts = NameParser.latinParts(resident.nameLatin, language: language)
            parts += resident.nameKana.map(NameParser.kanaParts) ?? []
            for part in parts {
                keys += [part.key.bytes] + [part.joined, part.spoken].compactMap { $0?.bytes } + part.alternates.map(\.bytes)
            }
        }
        keys = Array(Set(keys.map { String(decoding: $0, as: UTF8.self) })).sorted().prefix(400).map { Array($0.utf8) }
        #expect(keys.count == 400)
        return keys
    }
}
