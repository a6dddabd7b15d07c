import KyoseiDomain
@testable import KyoseiIdentity
import KyoseiSampleData
import Testing

/// `CommonKeyPairs` answers "cannot be near" for pairs of common keys from a table worked out
/// once. It must answer so only where the distance would have said it, and it must never move
/// a decision, a score or an explanation: the table changes how fast the matcher is, not what
/// it says.
@Suite struct CommonKeyPairsTests {
    /// Keys of the sample city and of the real-name pairs nobody here wrote, numbered as the
    /// index numbers them, with how many parts read each.
    static let table: KeyTable = {
        var keys = KeyTable()
        for resident in MatchPropertyTests.residents.prefix(1_500) {
            let language = SpellingLanguage(nationality: resident.nationality)
            for part in NameParser.latinParts(resident.nameLatin, language: language) + (resident.nameKana.map(NameParser.kanaParts) ?? []) {
                _ = keys.store(part)
            }
        }
        for pair in (RealNameCity.pairs.given + RealNameCity.pairs.family).prefix(1_500) {
            for part in NameParser.latinParts(pair.latin, language: .english) + NameParser.kanaParts(pair.kana) {
                _ = keys.store(part)
            }
        }
        return keys
    }()

    /// With a limit below the number of keys, some pairs are common and some are not: every
    /// "cannot be near" is a pair whose similarity is below the close level, and between two
    /// common keys the table says exactly what the distance says.
    @Test func theTableSaysWhatTheDistanceSays() {
        let keys = Self.table
        let pairs = CommonKeyPairs(keys: keys, uses: keys.uses, limit: 640)
        let common = Set(keys.uses.indices.sorted { keys.uses[$0] != keys.uses[$1] ? keys.uses[$0] > keys.uses[$1] : $0 < $1 }.prefix(640))
        #expect(keys.keys.count > 1_000, "\(keys.keys.count) keys")
        var ruledOut = 0, near = 0, notCommon = 0
        for a in stride(from: 0, to: keys.keys.count, by: 3) {
            for b in 0..<keys.keys.count {
                let reaches = KeyDistance.similarity(keys.keys[a], keys.keys[b]) >= MatchWeights.closeLevel
                let mayBeNear = pairs.mayBeNear(UInt32(a), UInt32(b))
                if common.contains(a) && common.contains(b) {
                    #expect(mayBeNear == reaches, "\(String(decoding: keys.keys[a], as: UTF8.self)) ~ \(String(decoding: keys.keys[b], as: UTF8.self))")
                    if reaches { near += 1 } else { ruledOut += 1 }
                } else {
                    #expect(mayBeNear)
                    notCommon += 1
                }
            }
        }
        // All three kinds of answer were given, most pairs of common keys being different names.
        #expect(ruledOut > 10 * near && near > 0 && notCommon > 0, "ruled out \(ruledOut), near \(near), not common \(notCommon)")
    }

    /// A key numbered after the table was made (a resident added later) is never ruled out.
    @Test func aKeyTheTableHasNotSeenIsNeverRuledOut() {
        var keys = Self.table
        keys.findCommonPairs()
        let number = keys.intern(PhoneticKey(latin: "QWXZVBNM", language: .english))
        #expect(Int(number) == Self.table.keys.count)
        #expect(keys.common.mayBeNear(number, 0) && keys.common.mayBeNear(0, number))
    }

    /// The same residents indexed with the table (`compact`) and without it decide every row
    /// of two rosters the same way, to the bit of the score and the words of the explanation:
    /// the sample city's partner roster and the real-name city's.
    @Test func decisionsAreTheSameWithAndWithoutTheTable() throws {
        let city = SampleCity(residents: 4_000, seed: 31, asOf: try LocalDate("2026-04-01"))
        var queries = city.partnerRoster(share: 0.3, nonResidentShare: 0.05, seed: 9).map(RosterQuality.query)
        let realNames = RealNameCity(residents: 1_500, seed: 5)
        queries += realNames.rows.map(\.query)
        func index(withTable: Bool) -> IdentityIndex {
            let index = IdentityIndex()
            city.forEachResident { resident in
                index.add(RosterQuality.record(resident))
                if let twin = city.partnerTwin(of: resident) { index.add(RosterQuality.record(twin)) }
            }
            for resident in realNames.residents {
                let record = resident.record
                index.add(IdentityRecord(id: record.id + 10_000_000, nameLatin: record.nameLatin, nameKana: record.nameKana,
                                         birthDate: record.birthDate, sex: record.sex, nationality: record.nationality,
                                         cardNumber: record.cardNumber))
            }
            if withTable { index.compact() }
            return index
        }
        let plain = index(withTable: false), tabled = index(withTable: true)
        var matched = 0
        for query in queries {
            let a = plain.match(query), b = tabled.match(query)
            #expect(a.outcome == b.outcome && a.residentID == b.residentID && a.candidates == b.candidates
                    && a.score == b.score && a.reason == b.reason, "\(query.nameKana ?? "")")
            #expect(a.explanation.best?.summary == b.explanation.best?.summary
                    && a.explanation.runnerUp?.summary == b.explanation.runnerUp?.summary, "\(query.nameKana ?? "")")
            if a.outcome == .matched { matched += 1 }
        }
        #expect(queries.count > 2_000 && matched * 2 > queries.count, "\(matched) of \(queries.count) matched")
    }

    /// Residents added after `compact()` (kept in block order) go after the reordered ones, and
    /// a second `compact()` orders them all again: every row is decided as by an index never
    /// compacted, cards and the second pass's lists included.
    @Test func residentsAddedAfterCompactingAreFoundAsIfNeverCompacted() throws {
        let city = SampleCity(residents: 1_500, seed: 17, asOf: try LocalDate("2026-04-01"))
        var records: [IdentityRecord] = []
        city.forEachResident { records.append(RosterQuality.record($0)) }
        let plain = IdentityIndex(), twice = IdentityIndex()
        for record in records { plain.add(record) }
        for record in records.prefix(records.count / 2) { twice.add(record) }
        twice.compact()
        for record in records.dropFirst(records.count / 2) { twice.add(record) }
        let queries = city.partnerRoster(share: 0.4, nonResidentShare: 0.05, seed: 3).map(RosterQuality.query)
        func expectSame(_ stage: String) {
            for query in queries {
                let a = plain.match(query), b = twice.match(query)
                #expect(a.outcome == b.outcome && a.residentID == b.residentID && a.candidates == b.candidates
                        && a.score == b.score, "\(stage): \(query.nameKana ?? "")")
            }
        }
        expectSame("added after compacting")
        twice.compact()
        expectSame("compacted again")
        #expect(queries.count > 300)
    }
}
