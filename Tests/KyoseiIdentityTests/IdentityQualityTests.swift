import KyoseiDomain
import KyoseiIdentity
import KyoseiSampleData
import Testing

/// The quality bar of issue 6 on a labelled roster from a 20,000-resident sample city: about
/// 5,000 rows in partner katakana (half-width, ヴ/ブ, long vowels, either order, dropped parts),
/// some with cards, some with a conflicting card, a wrong date or in Latin letters, twins, and
/// about 10% people who are not residents, most sharing a resident's family name, birth date
/// and sex.
@Suite struct IdentityQualityTests {
    @Test func meetsTheQualityBarOnASampleCityRoster() throws {
        let city = SampleCity(residents: 20_000, seed: 2012, asOf: try LocalDate("2026-04-01"))
        let index = RosterQuality.index(city)
        var quality = RosterQuality()
        for row in city.partnerRoster(share: 0.225, nonResidentShare: 0.028, seed: 6) {
            quality.count(row, index.match(RosterQuality.query(row)))
        }
        #expect(quality.rows >= 4_500, "\(quality.summary)")
        #expect(quality.precision >= 0.995, "\(quality.summary)")
        #expect(quality.recall >= 0.95, "\(quality.summary)")
        #expect(quality.reviewShare <= 0.05, "\(quality.summary)")
    }
}
