import KyoseiDomain
import KyoseiIntake
import Testing

@Suite struct FileNameTests {
    @Test func everyKindsNameIsParsed() throws {
        #expect(try IntakeFileName("/inbox/REG-221309-000012.csv") == .register(municipality: MunicipalityCode("221309"), sequence: 12))
        #expect(try IntakeFileName("INS-NHI-CITY-2026-05-01.csv") == .insurance(scheme: .nhi, source: "CITY", date: LocalDate("2026-05-01")))
        #expect(try IntakeFileName("INS-LATE_ELDERLY-KOIKI-SHIZUOKA-2026-05-01.csv")
            == .insurance(scheme: .lateElderly, source: "KOIKI-SHIZUOKA", date: LocalDate("2026-05-01")))
        #expect(try IntakeFileName("EMP-2026-05-01.csv") == .employment(date: LocalDate("2026-05-01")))
        #expect(try IntakeFileName("SCH-2026-T2.csv") == .school(year: 2026, term: .t2))
    }

    @Test func namesAreSpelledCanonically() throws {
        #expect(try IntakeFileName("REG-221309-12.csv").description == "REG-221309-000012.csv")
        #expect(try IntakeFileName("INS-EI-HELLOWORK-2026-05-01.csv").description == "INS-EI-HELLOWORK-2026-05-01.csv")
    }

    @Test(arguments: [
        ("REG-221300-000012.csv", "has a bad file name: municipality code 221300: check digit should be 9"),
        ("REG-221309-000000.csv", "is not named REG-<municipality>-<sequence>.csv: the sequence must be a number above 0"),
        ("INS-XYZ-CITY-2026-05-01.csv", "has a bad file name: scheme XYZ: must be one of NHI, EHI, LATE_ELDERLY, NP, EPI, EI"),
        ("INS-NHI-2026-05-01.csv", "is not named INS-<scheme>-<source>-<date>.csv"),
        ("EMP-2026-02-30.csv", "has a bad file name: date 2026-02-30: is not a date that exists"),
        ("SCH-2026-T4.csv", "has a bad file name: term T4: must be one of T1, T2, T3"),
        ("report.xlsx", "is not named like a Kyosei file (REG-<municipality>-<sequence>.csv, INS-<scheme>-<source>-<date>.csv, EMP-<date>.csv or SCH-<school year>-<term>.csv)"),
    ])
    func badNamesAreRefused(name: String, reason: String) {
        let error = #expect(throws: IntakeError.self) { try IntakeFileName(name) }
        #expect(error?.reason == reason)
        #expect(error?.file == name)
    }
}
