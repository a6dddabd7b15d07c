import Foundation
import GRDB
import KyoseiDomain
import KyoseiServices
import KyoseiStore
import Testing

@Suite struct ResidentServiceTests {
    @Test func historyKeepsEveryChangeWithItsSource() throws {
        let city = try TestCity()
        let joao = try city.add("DA SILVA JOAO", kana: "ダシルバ ジョアン", card: "AB12345678CD")
        var changes = ResidentChanges()
        changes.address = .some("静岡県浜松市中区元城町103-2")
        changes.districtCode = .some(try DistrictCode("D03"))
        _ = try city.residents.update(.kyosei(joao.id), changes: changes, by: city.founder, reason: "moved")
        var fix = ResidentChanges()
        fix.nameKana = .some("ダ・シルバ・ジョアン")
        _ = try city.residents.update(.card(try ResidenceCardNumber("AB12345678CD")), changes: fix, by: city.founder,
                                      reason: "typo", correction: true)

        let (record, history) = try city.residents.history(.kyosei(joao.id), by: city.founder)
        #expect(record.nameKana == "ダ・シルバ・ジョアン")
        let address = try #require(history.first { $0.field == "address" && $0.source == .staffEdit && $0.oldValue == nil })
        #expect(address.newValue == "静岡県浜松市中区元城町103-2")
        #expect(address.reason == "moved")
        #expect(address.changedBy == "founder")
        let kana = try #require(history.last { $0.field == "name_kana" })
        #expect(kana.source == .correction)
        #expect(kana.oldValue == "ダシルバ ジョアン")
        #expect(kana.newValue == "ダ・シルバ・ジョアン")
        let created = try #require(history.first)
        #expect(created.field == "(created)")
        // The one creation row says what the record was when it came, field by field.
        #expect(created.newValue?.contains("register_state=UNREGISTERED_SERVED") == true)
        #expect(created.newValue?.contains("residence_card_number=AB12345678CD") == true)
        #expect(created.source == .staffEdit)
        #expect(created.reason == "test")
    }

    @Test func anUpdateThatChangesNothingWritesNoHistory() throws {
        let city = try TestCity()
        let lan = try city.add("NGUYEN THI LAN", nationality: "VN")
        let before = try city.residents.history(.kyosei(lan.id), by: city.founder).1.count
        var same = ResidentChanges()
        same.nameLatin = "nguyen thi lan"
        _ = try city.residents.update(.kyosei(lan.id), changes: same, by: city.founder, reason: nil)
        #expect(try city.residents.history(.kyosei(lan.id), by: city.founder).1.count == before)
    }

    @Test func refusesNamesThatAreNotAsOnTheCard() throws {
        let city = try TestCity()
        #expect(throws: ServiceError.self) { try city.add("João Silva") }
        #expect(throws: ServiceError.self) { try city.add("   ") }
    }

    @Test func searchWorksAcrossScriptsAndIdentifiers() throws {
        let city = try TestCity()
        let joao = try city.add("DA SILVA SANTOS JOAO CARLOS", kana: "ダシルバ サントス ジョアン カルロス", card: "AB12345678CD")
        let wang = try city.add("WANG XIAOMING", kanji: "王小明", born: "1990-01-15", nationality: "CN")
        let lan = try city.add("NGUYEN THI LAN", kana: "グエン・ティ・ラン", born: "1998-11-15", sex: .female, nationality: "VN")
        _ = try city.add("NGUYEN VAN MINH", kana: "グエン・バン・ミン", born: "1995-03-01", nationality: "VN")

        func ids(_ query: String) throws -> [Int64] { try city.residents.find(query, by: city.founder).map { $0.resident.id! } }
        #expect(try ids("joao silva") == [joao.id])
        #expect(try ids("JOÃO") == [joao.id])
        #expect(try ids("sant") == [joao.id])
        #expect(try ids("ｼﾙﾊﾞ") == [joao.id])
        #expect(try ids("じょあん") == [joao.id])
        #expect(try ids("小明") == [wang.id])
        #expect(try ids("王") == [wang.id])
        #expect(try ids("AB12345678CD") == [joao.id])
        #expect(try ids(joao.reference) == [joao.id])
        #expect(try ids("1998-11-15") == [lan.id])
        #expect(try Set(ids("nguyen")).count == 2)
        #expect(try ids("nguyen 1998-11-15") == [lan.id])
        #expect(try ids("グエン ラン") == [lan.id])
        #expect(try ids("zzz").isEmpty)
        #expect(throws: ServiceError.self) { try city.residents.find("  ", by: city.founder) }
    }

    @Test func searchTermsCannotInjectFTSSyntax() throws {
        let city = try TestCity()
        try city.add("O'BRIEN PATRICK", nationality: "IE")
        #expect(try city.residents.find("o'brien", by: city.founder).count == 1)
        #expect(try city.residents.find("\"NEAR(\" OR *", by: city.founder).isEmpty)
    }

    @Test func showIncludesTheHousehold() throws {
        let city = try TestCity()
        let head = try city.add("QUISPE MAMANI JUAN", household: "2000000002")
        _ = try city.residents.create(
            ResidentDraft(nameLatin: "QUISPE MAMANI ROSA", birthDate: LocalDate("2016-06-30"), sex: .female,
                          nationality: Nationality("PE"), householdID: HouseholdID("2000000002"), relationship: .child),
            by: city.founder, reason: nil)
        let detail = try city.residents.show(.kyosei(head.id), by: city.founder)
        #expect(detail.household.map(\.nameLatin) == ["QUISPE MAMANI ROSA"])
        #expect(try city.residents.household(HouseholdID("2000000002"), by: city.founder).count == 2)
        #expect(throws: ServiceError.notFound("No resident K999 in this database.")) {
            try city.residents.show(.kyosei(999), by: city.founder)
        }
    }

    @Test func listFiltersByStateAndNationality() throws {
        let city = try TestCity()
        try city.add("SILVA ANA", nationality: "BR")
        try city.add("TRAN VAN AN", nationality: "VN")
        #expect(try city.residents.list(ResidentFilter(nationality: Nationality("VN")), by: city.founder).map(\.nameLatin) == ["TRAN VAN AN"])
        #expect(try city.residents.list(ResidentFilter(state: .registered), by: city.founder).isEmpty)
        #expect(try city.residents.list(ResidentFilter(limit: 1), by: city.founder).count == 1)
    }
}
