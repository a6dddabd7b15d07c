import Foundation
import KyoseiDomain
import KyoseiIntake
import Testing

/// The register kind's row rules (`formats.md` §1): typed rows, every reason in a reject, and
/// the rules that tie category, status, period and expiry together.
@Suite struct RegisterKindTests {
    typealias Fixture = RegisterFixture

    func reasons(_ changes: [String: String], delta: Bool = false, asOf: String = RegisterFixture.asOf) throws -> [String] {
        try Fixture.reject(Fixture.judge(Fixture.record(changes, delta: delta), delta: delta, asOf: asOf))?.reasons ?? []
    }

    @Test func aValidRecordBecomesATypedRow() throws {
        let row = try #require(Fixture.row(Fixture.judge(Fixture.record(["name_kanji": "銀座", "common_name": "山田"]))))
        #expect(row.personID == (try PersonID("12345678901")))
        #expect(row.municipalityCode == Fixture.municipality)
        #expect(row.category == .midLongTerm)
        #expect(row.cardNumber == (try ResidenceCardNumber("AB12345678CD")))
        #expect(row.nameLatin == "SILVA JOAO")
        #expect(row.nameKanji == "銀座")
        #expect(row.commonName == "山田")
        #expect(row.nameKana == "シルバ・ジョアン")
        #expect(row.birthDate == (try LocalDate("1990-04-01")))
        #expect(row.sex == .male)
        #expect(row.nationality == (try Nationality("BR")))
        #expect(row.status == .longTerm)
        #expect(row.periodOfStay == .duration(years: 5, months: 0, days: 0))
        #expect(row.stayExpiry == (try LocalDate("2028-03-31")))
        #expect(row.householdID == (try HouseholdID("2000000001")))
        #expect(row.relationship == .head)
        #expect(row.postalCode == (try PostalCode("430-0933")))
        #expect(row.address == "静岡県浜松市中央区鍛冶町1-2, ハイツ浜松101")
        #expect(row.districtCode == (try DistrictCode("D07")))
        #expect(row.residentSince == (try LocalDate("2015-04-01")))
        #expect(row.event == nil)
        #expect(row.eventDate == nil)
    }

    @Test(arguments: RegisterEvent.allCases)
    func everyDeltaEventIsRead(event: RegisterEvent) throws {
        let item = try Fixture.judge(Fixture.record(["event": event.rawValue, "event_date": "2026-04-30"], delta: true), delta: true)
        let row = try #require(Fixture.row(item))
        #expect(row.event == event)
        #expect(row.eventDate == (try LocalDate("2026-04-30")))
    }

    @Test func aRejectListsEveryReasonWithItsColumns() throws {
        let record = Fixture.record([
            "person_id": "123", "birth_date": "2023-02-30", "sex": "3", "nationality": "RB", "postal_code": "4300933",
            "address": "", "relationship": "COUSIN",
        ])
        let reject = try #require(Fixture.reject(Fixture.judge(record)))
        #expect(reject.reasons == [
            "person_id 123: must be 11 digits",
            "birth_date 2023-02-30: is not a date that exists",
            "sex 3: must be 1 (male), 2 (female), 9 (not stated) or 0 (unknown)",
            "nationality RB: must be an ISO 3166-1 alpha-2 code in upper case (XX for stateless or unknown)",
            "relationship COUSIN: must be one of HEAD, SPOUSE, CHILD, PARENT, SIBLING, OTHER",
            "postal_code 4300933: must be NNN-NNNN",
            "address: is required",
        ])
        #expect(reject.columns == ["person_id", "birth_date", "sex", "nationality", "relationship", "postal_code", "address"])
        #expect(reject.file == "REG-221309-000012.csv")
        #expect(reject.line == 2)
        #expect(reject.recordText == Fixture.line(record, header: Fixture.header()))
    }

    @Test func midLongTermResidentsNeedCardStatusPeriodAndExpiry() throws {
        let missing = ["residence_card_number": "", "status_of_residence": "", "period_of_stay": "", "stay_expiry_date": ""]
        #expect(try reasons(missing) == [
            "residence_card_number: is required for MID_LONG_TERM",
            "status_of_residence: is required for MID_LONG_TERM",
            "period_of_stay: is required for MID_LONG_TERM",
            "stay_expiry_date: is required for MID_LONG_TERM unless the status is PERMANENT",
        ])
    }

    @Test func aPermanentResidentsStayDoesNotExpire() throws {
        let permanent = ["status_of_residence": "PERMANENT", "period_of_stay": "INDEFINITE", "stay_expiry_date": ""]
        let row = try #require(Fixture.row(Fixture.judge(Fixture.record(permanent))))
        #expect(row.status == .permanent)
        #expect(row.periodOfStay == .indefinite)
        #expect(row.stayExpiry == nil)
        #expect(try reasons(["status_of_residence": "PERMANENT", "period_of_stay": "P5Y"]) == [
            "period_of_stay P5Y: must be INDEFINITE for PERMANENT",
            "stay_expiry_date 2028-03-31: must be empty for PERMANENT (the stay does not expire)",
        ])
    }

    @Test func specialPermanentResidentsNeedACardAndHoldNoStatus() throws {
        let special = [
            "resident_category": "SPECIAL_PERMANENT", "status_of_residence": "", "period_of_stay": "", "stay_expiry_date": "",
            "nationality": "KR",
        ]
        let row = try #require(Fixture.row(Fixture.judge(Fixture.record(special))))
        #expect(row.category == .specialPermanent)
        #expect(row.status == nil)
        var withStatus = special
        withStatus["status_of_residence"] = "LONG_TERM"
        withStatus["residence_card_number"] = ""
        #expect(try reasons(withStatus) == [
            "residence_card_number: is required for SPECIAL_PERMANENT",
            "status_of_residence LONG_TERM: must be empty for SPECIAL_PERMANENT (only MID_LONG_TERM residents hold a status of residence)",
        ])
    }

    @Test func otherCategoriesNeedNoCard() throws {
        let refuge = ["resident_category": "TEMPORARY_REFUGE", "residence_card_number": "", "status_of_residence": "",
                      "period_of_stay": "", "stay_expiry_date": ""]
        #expect(Fixture.row(try Fixture.judge(Fixture.record(refuge)))?.cardNumber == nil)
    }

    @Test func aTemporaryVisitorIsNeverInTheRegister() throws {
        #expect(try reasons(["status_of_residence": "TEMP_VISITOR", "period_of_stay": "P90D"]) == [
            "status_of_residence TEMP_VISITOR: a Temporary Visitor is never in the resident register",
        ])
    }

    @Test func employmentForSkillDevelopmentExistsOnlyFromApril2027() throws {
        let esd = ["status_of_residence": "ESD", "period_of_stay": "P1Y"]
        #expect(try reasons(esd) == ["status_of_residence ESD: is valid only from 2027-04-01"])
        let later = try Fixture.judge(Fixture.record(esd), asOf: "2027-04-01T03:00:00+09:00")
        #expect(Fixture.row(later)?.status == .esd)
    }

    @Test func theRowMustBeForTheManifestsCity() throws {
        #expect(try reasons(["municipality_code": "232114"]) == ["municipality_code 232114: differs from the manifest's 221309"])
        #expect(try reasons(["municipality_code": "221300"]) == ["municipality_code 221300: check digit should be 9"])
    }

    @Test func datesMustBeRealAndInOrder() throws {
        #expect(try reasons(["birth_date": "2026-06-01", "resident_since": "2026-05-02"]) == [
            "birth_date 2026-06-01: is after the export's date 2026-05-01",
            "resident_since 2026-05-02: is before birth_date 2026-06-01",
            "resident_since 2026-05-02: is after the export's date 2026-05-01",
        ])
        #expect(try reasons(["event_date": "2026-05-02"], delta: true) == ["event_date 2026-05-02: is after the export's date 2026-05-01"])
        #expect(try reasons(["event": "", "event_date": "2026/04/01"], delta: true) == [
            "event: is required", "event_date 2026/04/01: must be a date as YYYY-MM-DD",
        ])
    }

    @Test func namesHaveTheirScripts() throws {
        #expect(try reasons(["name_latin": "Silva Joao", "name_kana": "しるば"]) == [
            "name_latin Silva Joao: must be upper-case Latin letters (A-Z, spaces, hyphens, apostrophes), family name first",
            "name_kana しるば: must be katakana (full- or half-width), parts separated by a space or ・",
        ])
        #expect(Fixture.row(try Fixture.judge(Fixture.record(["name_latin": "O'BRIEN-SMITH ANNE", "name_kana": "ｵﾌﾞﾗｲｴﾝ ｱﾝ"]))) != nil)
    }

    @Test func aRecordWithTheWrongNumberOfFieldsIsRejectedAsSuch() throws {
        let header = Fixture.header()
        let item = try IntakeReader.revalidate(
            recordText: "1,2,3", header: header, kind: RegisterKind(manifest: Fixture.manifest()), fileName: "f.csv", line: 9)
        #expect(Fixture.reject(item) == Reject(
            file: "f.csv", line: 9, columns: [], reasons: ["has 3 fields where the header has 20"], recordText: "1,2,3"))
    }

    @Test func aCorrectedRecordCanBeSubmittedAgain() throws {
        let header = Fixture.header()
        let kind = RegisterKind(manifest: Fixture.manifest())
        let bad = Fixture.line(Fixture.record(["birth_date": "1990-02-30"]), header: header)
        let rejected = try IntakeReader.revalidate(recordText: bad, header: header, kind: kind, fileName: "f.csv", line: 5)
        #expect(Fixture.reject(rejected)?.reasons == ["birth_date 1990-02-30: is not a date that exists"])
        let fixed = bad.replacingOccurrences(of: "1990-02-30", with: "1990-02-28")
        let accepted = try IntakeReader.revalidate(recordText: fixed + "\r\n", header: header, kind: kind, fileName: "f.csv", line: 5)
        guard case .row(let row, let line) = accepted else {
            Issue.record("expected a row, got \(accepted)")
            return
        }
        #expect(row.birthDate == (try LocalDate("1990-02-28")))
        #expect(line == 5)
        let twice = #expect(throws: IntakeError.self) {
            try IntakeReader.revalidate(recordText: fixed + "\n" + fixed, header: header, kind: kind, fileName: "f.csv", line: 5)
        }
        #expect(twice?.description == "f.csv line 5: the corrected text holds more than one record")
        let broken = #expect(throws: IntakeError.self) {
            try IntakeReader.revalidate(recordText: "\"open", header: header, kind: kind, fileName: "f.csv", line: 5)
        }
        #expect(broken?.reason.hasPrefix("unterminated quoted field") == true)
    }

    @Test func columnsAreNumberedInOrder() {
        #expect(RegisterColumn.allCases.map(\.rawValue) == Array(0..<RegisterColumn.allCases.count))
        #expect(InsuranceColumn.allCases.map(\.rawValue) == Array(0..<InsuranceColumn.allCases.count))
        #expect(EmploymentColumn.allCases.map(\.rawValue) == Array(0..<EmploymentColumn.allCases.count))
        #expect(SchoolColumn.allCases.map(\.rawValue) == Array(0..<SchoolColumn.allCases.count))
    }
}
