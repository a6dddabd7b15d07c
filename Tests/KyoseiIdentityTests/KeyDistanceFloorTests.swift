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
