import Foundation
import KyoseiDomain
import KyoseiIntake
import Testing

/// Judges one record of any kind, given by column name, as the pipeline would.
func judge<Kind: FileKind>(_ kind: Kind, _ record: [String: String]) throws -> IntakeItem<Kind.Row> {
    let header = kind.columns.map(\.name)
    let text = CSVWriter.record(header.map { record[$0] ?? "" })
    return try IntakeReader.revalidate(recordText: text, header: header, kind: kind, fileName: "roster.csv", line: 2)
}

func reasons<Row>(_ item: IntakeItem<Row>) -> [String] {
    if case .reject(let reject) = item { return reject.reasons }
    return []
}

func row<Row>(_ item: IntakeItem<Row>) -> Row? {
    if case .row(let row, _) = item { return row }
    return nil
}

@Suite struct InsuranceRosterTests {
    let kind = InsuranceRosterKind(scheme: .ehi)

    func record(_ changes: [String: String] = [:]) -> [String: String] {
        [
            "scheme": "EHI", "insurer_number": "01234567", "member_number": "K-0042", "member_type": "DEPENDENT",
            "name_kana": "ｼﾙﾊﾞ ｼﾞｮｱﾝ", "birth_date": "1990-04-01", "sex": "1", "residence_card_number": "",
            "enrolled_from": "2024-04-01", "enrolled_until": "", "agreement_exempt": "",
        ].merging(changes) { $1 }
    }

    @Test func aValidRowIsTyped() throws {
        let typed = try #require(row(judge(kind, record(["agreement_exempt": "Y", "residence_card_number": "AB12345678CD"]))))
        #expect(typed == InsuranceRow(
            scheme: .ehi, insurerNumber: "01234567", memberNumber: "K-0042", memberType: .dependent, nameKana: "ｼﾙﾊﾞ ｼﾞｮｱﾝ",
            birthDate: try LocalDate("1990-04-01"), sex: .male, cardNumber: try ResidenceCardNumber("AB12345678CD"),
            enrolledFrom: try LocalDate("2024-04-01"), enrolledUntil: nil, agreementExempt: true))
        #expect(row(try judge(kind, record(["insurer_number": "123456"])))?.agreementExempt == false)
    }

    @Test func everyBadFieldIsNamed() throws {
        let bad = record([
            "scheme": "NHI", "insurer_number": "1234567", "member_number": "", "member_type": "SPOUSE", "name_kana": "Silva",
            "enrolled_from": "2024-04-01", "enrolled_until": "2024-03-31", "agreement_exempt": "yes",
        ])
        #expect(reasons(try judge(kind, bad)) == [
            "scheme NHI: this is a roster of EHI",
            "insurer_number 1234567: must be 6 or 8 digits",
            "member_number: is required",
            "member_type SPOUSE: must be one of INSURED, DEPENDENT",
            "name_kana Silva: must be katakana (full- or half-width), parts separated by a space or ・",
            "enrolled_until 2024-03-31: is before enrolled_from 2024-04-01",
            "agreement_exempt yes: must be Y or N",
        ])
        #expect(reasons(try judge(kind, record(["enrolled_from": "1989-01-01"]))) == [
            "enrolled_from 1989-01-01: is before birth_date 1990-04-01",
        ])
    }
}

@Suite struct EmploymentReportTests {
    let kind = EmploymentReportKind()

    func record(_ changes: [String: String] = [:]) -> [String: String] {
        [
            "report_type": "HIRE", "report_date": "2026-05-10", "employer_id": "1180301018771",
            "establishment_name": "浜松精機㈱ 第二工場", "establishment_address": "静岡県浜松市中央区砂山町1-1",
            "residence_card_number": "AB12345678CD", "name_latin": "NGUYEN THI LAN", "birth_date": "1998-07-07", "sex": "2",
            "nationality": "VN", "status_of_residence": "SSW_1", "stay_expiry_date": "2027-01-31",
            "other_activity_permission": "N", "event_date": "2026-05-01", "employment_insurance": "Y", "weekly_hours": "37.5",
            "dispatched": "N", "occupation": "",
        ].merging(changes) { $1 }
    }

    @Test func aValidReportIsTyped() throws {
        let typed = try #require(row(judge(kind, record())))
        #expect(typed.reportType == .hire)
        #expect(typed.employerID == (try EmployerID("1180301018771")))
        #expect(typed.status == .ssw1)
        #expect(typed.weeklyHours == 37.5)
        #expect(typed.employmentInsurance)
        #expect(!typed.dispatched)
        #expect(typed.occupation == nil)
        #expect(row(try judge(kind, record(["employer_id": "L12345678901234"])))?.employerID == .labourInsurance("12345678901234"))
    }

    @Test func specialPermanentResidentsMustNotBeReported() throws {
        #expect(reasons(try judge(kind, record(["status_of_residence": ""]))) == [
            "status_of_residence: is required (a Special Permanent Resident, who has none, must not be reported)",
        ])
        #expect(reasons(try judge(kind, record(["status_of_residence": "SPECIAL_PERMANENT"]))) == [
            "status_of_residence SPECIAL_PERMANENT: Special Permanent Residents must not be reported",
        ])
    }

    @Test func statusIsJudgedOnTheEventDate() throws {
        #expect(reasons(try judge(kind, record(["status_of_residence": "ESD"]))) == [
            "status_of_residence ESD: is valid only from 2027-04-01",
        ])
        #expect(row(try judge(kind, record(["status_of_residence": "ESD", "event_date": "2027-04-01", "report_date": "2027-04-02"]))) != nil)
    }

    @Test func everyBadFieldIsNamed() throws {
        let bad = record([
            "report_type": "QUIT", "employer_id": "2180301018771", "weekly_hours": "40h", "dispatched": "",
            "other_activity_permission": "1", "residence_card_number": "AB1234",
        ])
        #expect(reasons(try judge(kind, bad)) == [
            "report_type QUIT: must be one of HIRE, SEPARATION",
            "employer_id 2180301018771: check digit (the first digit) should be 1",
            "residence_card_number AB1234: must be 2 upper-case letters, 8 digits and 2 upper-case letters (AB12345678CD)",
            "other_activity_permission 1: must be Y or N",
            "weekly_hours 40h: must be hours a week as a decimal such as 40 or 27.5, at most 168",
            "dispatched: is required",
        ])
    }

    @Test(arguments: ["40", "0", "27.5", "19.75", "168"])
    func weeklyHoursAreDecimals(text: String) throws {
        #expect(row(try judge(kind, record(["weekly_hours": text])))?.weeklyHours == Double(text))
    }

    @Test(arguments: ["169", "-1", "1.234", ".5", "1e2", "", "40.0.0"])
    func weeklyHoursOutOfShapeAreRejected(text: String) throws {
        #expect(row(try judge(kind, record(["weekly_hours": text]))) == nil)
    }

    @Test func aContractTermIsReadWithItsRenewalClause() throws {
        let fixed = try #require(row(judge(kind, record(["contract_end": "2026-05-20", "contract_renewable": "N"]))))
        #expect(fixed.contract == (try ContractPeriod(start: LocalDate("2026-05-01"), end: LocalDate("2026-05-20"), renewable: false)))
        #expect(fixed.contract?.isExpected(toLast: 31) == false)
        let renewable = try #require(row(judge(kind, record(["contract_end": "2026-05-20", "contract_renewable": "Y"]))))
        #expect(renewable.contract?.isExpected(toLast: 31) == true)
        #expect(try #require(row(judge(kind, record()))).contract == nil, "no term given: no fixed term")
        let separation = try #require(row(judge(kind, record(["report_type": "SEPARATION", "contract_end": "2026-04-30", "contract_renewable": "N"]))))
        #expect(separation.contract == nil, "a term is the hire's")
    }

    @Test func aContractTermOutOfShapeIsNamed() throws {
        #expect(reasons(try judge(kind, record(["contract_end": "2026-04-30", "contract_renewable": "N"]))) == [
            "contract_end 2026-04-30: is before the hire on 2026-05-01",
        ])
        #expect(reasons(try judge(kind, record(["contract_end": "2026-06-30"]))) == [
            "contract_renewable: is required when contract_end is given (Y if the contract says it may be renewed)",
        ])
        #expect(reasons(try judge(kind, record(["contract_renewable": "Y"]))) == ["contract_renewable: is given without a contract_end"])
        #expect(reasons(try judge(kind, record(["contract_end": "31/05/2026", "contract_renewable": "maybe"]))) == [
            "contract_end 31/05/2026: must be a date as YYYY-MM-DD",
            "contract_renewable maybe: must be Y or N",
        ])
    }

    /// Files written before the contract columns existed stay valid; a column the format
    /// always had is still required in the header.
    @Test func aHeaderMayLeaveOutOnlyTheColumnsThatCameLater() throws {
        let old = kind.columns.map(\.name).filter { !$0.hasPrefix("contract_") }
        let text = CSVWriter.record(old.map { record()[$0] ?? "" })
        let item = try IntakeReader.revalidate(recordText: text, header: old, kind: kind, fileName: "EMP.csv", line: 2)
        #expect(row(item)?.weeklyHours == 37.5)
        let withoutHours = old.filter { $0 != "weekly_hours" }
        let error = #expect(throws: IntakeError.self) {
            try IntakeReader.revalidate(recordText: CSVWriter.record(withoutHours.map { record()[$0] ?? "" }), header: withoutHours,
                                        kind: kind, fileName: "EMP.csv", line: 2)
        }
        #expect(error?.reason == "the header is not an employment report header: missing column \"weekly_hours\"")
    }
}

@Suite struct SchoolRosterTests {
    let kind = SchoolRosterKind(term: .t2)

    func record(_ changes: [String: String] = [:]) -> [String: String] {
        [
            "school_code": "S221309-012", "school_name": "浜松市立砂山小学校", "school_type": "PUBLIC_ELEMENTARY",
            "student_number": "2026-0456", "name_latin": "SILVA ANA", "name_kana": "", "birth_date": "2018-06-02", "sex": "2",
            "residence_card_number": "", "grade": "2", "term": "T2", "days_in_term": "52", "days_absent": "3",
            "japanese_support": "Y", "status": "ENROLLED",
        ].merging(changes) { $1 }
    }

    @Test func aValidRowIsTyped() throws {
        let typed = try #require(row(judge(kind, record())))
        #expect(typed.schoolType == .publicElementary)
        #expect(typed.nameLatin == "SILVA ANA")
        #expect(typed.nameKana == nil)
        #expect(typed.grade == 2)
        #expect(typed.term == .t2)
        #expect(typed.daysInTerm == 52)
        #expect(typed.daysAbsent == 3)
        #expect(typed.japaneseSupport)
        #expect(typed.status == .enrolled)
        #expect(row(try judge(kind, record(["name_latin": "", "name_kana": "シルバ アナ"])))?.nameKana == "シルバ アナ")
    }

    @Test func everyBadFieldIsNamed() throws {
        let bad = record([
            "name_latin": "", "grade": "10", "term": "T1", "days_in_term": "52", "days_absent": "53", "status": "GRADUATED",
            "school_type": "CRAM_SCHOOL",
        ])
        #expect(reasons(try judge(kind, bad)) == [
            "school_type CRAM_SCHOOL: must be one of PUBLIC_ELEMENTARY, PUBLIC_JUNIOR_HIGH, PRIVATE_COMPULSORY, SPECIAL_NEEDS, FOREIGN_SCHOOL, INTERNATIONAL_SCHOOL",
            "name_latin, name_kana: at least one of them is required",
            "grade 10: must be 1 to 9 (7 to 9 are junior-high years 1 to 3)",
            "term T1: this is the roster of T2",
            "days_absent 53: is more than days_in_term 52",
            "status GRADUATED: must be one of ENROLLED, WITHDRAWN, TRANSFERRED",
        ])
        #expect(reasons(try judge(kind, record(["days_absent": "-1"]))) == ["days_absent -1: must be a whole number, 0 or more"])
    }
}
