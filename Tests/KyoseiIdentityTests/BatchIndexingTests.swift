import KyoseiDomain
import KyoseiIdentity
import KyoseiSampleData
import Testing

/// Adding residents a batch at a time (their names read on every core) builds the index that
/// adding them one by one does: every roster row gets the same decision and explanation.
@Suite struct BatchIndexingTests {
    @Test func aBatchIndexDecidesAsAnIndexBuiltOneByOne() throws {
        let city = SampleCity(residents: 3_000, seed: 2012, asOf: try LocalDate("2026-04-01"))
        let oneByOne = RosterQuality.index(city)
        var records: [IdentityRecord] = []
        city.forEachResident { resident in
            records.append(RosterQuality.record(resident))
            if let twin = city.partnerTwin(of: resident) { records.append(RosterQuality.record(twin)) }
        }
        let batched = IdentityIndex()
        batched.addAll(Array(records[..<1000]))
        batched.addAll(Array(records[1000...]))
        #expect(batched.count == oneByOne.count)
        let queries = city.partnerRoster(share: 0.5, nonResidentShare: 0.03, seed: 6).map(RosterQuality.query)
        #expect(queries.count > 1000)
        for (a, b) in zip(oneByOne.matchAll(queries), batched.matchAll(queries)) {
            #expect(a.outcome == b.outcome && a.residentID == b.residentID && a.score == b.score && a.candidates == b.candidates)
            #expect(a.explanation.best?.summary == b.explanation.best?.summary)
        }
    }
}
