import KyoseiDomain
import KyoseiIdentity
import KyoseiSampleData
import Testing

/// People a matcher must not attach to a resident: namesakes with the same birth date, a
/// sibling with the same family name and birth date, and rows whose card says someone else.
@Suite struct HardNegativeTests {
    static func record(_ id: Int64, _ latin: String, _ date: String, card: String? = nil,
                       nationality: String = "VN") throws -> IdentityRecord {
        IdentityRecord(id: id, nameLatin: latin, nameKana: nil, birthDate: try LocalDate(date), sex: .male,
                       nationality: try Nationality(nationality), cardNumber: try card.map(ResidenceCardNumber.init))
    }

    static func query(_ kana: String?, _ date: String, latin: String? = nil, card: String? = nil) throws -> IdentityQuery {
        IdentityQuery(nameKana: kana, nameLatin: latin, birthDate: try LocalDate(date), sex: .male,
                      cardNumber: try card.map(ResidenceCardNumber.init))
    }

    @Test func namesakesWithOneBirthDateGoToReview() throws {
        let city = SampleCity(residents: 200, seed: 2012, asOf: try LocalDate("2026-04-01"))
        let pair = city.walkIns().ambiguousPair
        try #require(pair.count == 2)
        let index = RosterQuality.index(city)
        let decision = index.match(IdentityQuery(nameKana: pair[0].name.partnerKana(.plain), nameLatin: nil,
                                                 birthDate: pair[0].birthDate, sex: pair[0].sex, cardNumber: nil))
        #expect(decision.outcome == .review)
        #expect(Set(decision.candidates) == Set(pair.map { Int64($0.personID.rawValue)! }))
    }

    @Test func twinsAreToldApartByTheGivenName() throws {
        let index = IdentityIndex()
        index.add(try Self.record(1, "NGUYEN VAN NAM", "2001-05-05"))
        index.add(try Self.record(2, "NGUYEN VAN HUNG", "2001-05-05"))
        let nam = index.match(try Self.query("ｸﾞｴﾝ ｳﾞｧﾝ ﾅﾑ", "2001-05-05"))
        #expect(nam.outcome == .matched && nam.residentID == 1)
        let namNoMiddle = index.match(try Self.query("ナム・グエン", "2001-05-05"))
        #expect(namNoMiddle.residentID != 2)
        let stranger = index.match(try Self.query("グエン ヴァン タン", "2001-05-05"))
        #expect(stranger.outcome != .matched)
    }

    @Test func aLookalikeWithTheSameFamilyNameAndBirthDateIsNotMatched() throws {
        let index = IdentityIndex()
        index.add(try Self.record(1, "QUISPE MAMANI JUAN CARLOS", "1979-11-02", nationality: "PE"))
        let decision = index.match(try Self.query("キスペ ママニ ホセ ルイス", "1979-11-02"))
        #expect(decision.outcome == .unmatched)
    }

    @Test func anEqualCardSettlesAWrongDate() throws {
        let index = IdentityIndex()
        index.add(try Self.record(1, "TRAN VAN PHONG", "1995-08-21", card: "AB12345678CD"))
        let decision = index.match(try Self.query(nil, "1995-08-12", latin: "TRAN VAN PHONG", card: "AB12345678CD"))
        #expect(decision.outcome == .matched && decision.residentID == 1)
    }

    @Test func aConflictingCardIsNeverMatchedToTheCardsHolder() throws {
        let index = IdentityIndex()
        index.add(try Self.record(1, "TRAN VAN PHONG", "1995-08-21", card: "AB12345678CD"))
        index.add(try Self.record(2, "LE THI LAN", "1990-01-01", card: "ZZ87654321YX"))
        let decision = index.match(try Self.query("チャン ヴァン フォン", "1995-08-21", card: "ZZ87654321YX"))
        #expect(decision.residentID != 2)
        #expect(!decision.candidates.contains(2))
        let conflicting = index.match(try Self.query("チャン フォン", "1995-08-21", card: "ZZ87654321YX"))
        #expect(conflicting.outcome != .matched)
    }
}
