import Foundation
import KyoseiDomain
import KyoseiServices
import KyoseiTestSupport
import Testing

/// Environment variables are process-wide, so these tests run one at a time.
@Suite(.serialized) struct SettingsTests {
    @Test func defaultsComeFromConfigKyoseiJSON() async throws {
        let settings = try await SettingsLoader.load(configFile: nil)
        #expect(settings.municipalityCode.rawValue == "221309")
        #expect(settings.stayExpiryWindowDays == 60)
        #expect(settings.suppressionMinimum == 5)
        #expect(settings.law == LegalThresholds.enacted, "Config/kyosei.json carries every enacted step, day and source")
        #expect(settings.law.employmentInsuranceWeeklyHours.value(on: try LocalDate("2028-09-30")) == 20)
        #expect(settings.law.employmentInsuranceWeeklyHours.value(on: try LocalDate("2028-10-01")) == 10)
        #expect(settings.law.employerSize.value(on: try LocalDate("2035-10-01")) == .some(nil), "no size threshold from 2035-10")
        #expect(settings.law.workPermissionWeeklyHours.value(on: try LocalDate("2026-12-01")) == 28)
        #expect(settings.law.permanentResidenceRevocation.value(on: try LocalDate("2027-03-31")) == nil)
        #expect(settings.law.permanentResidenceRevocation.value(on: try LocalDate("2027-04-01")) == true)
    }

    /// A city may correct a dated step in its own file; a step that overlaps another, or has
    /// no source, is refused with the key named.
    @Test func datedStepsLoadFromACityFileAndAreChecked() async throws {
        let file = try TestFolder.make("kyosei-settings").appendingPathComponent("city.json")
        try Data(#"{"insurance": {"employment_weekly_hours": ["20 until 2029-03-31 | city review 2026", "10 from 2029-04-01 | city review 2026 | review"]}}"#.utf8).write(to: file)
        let city = try await SettingsLoader.load(configFile: file.path).law.employmentInsuranceWeeklyHours
        #expect(city.value(on: try LocalDate("2028-10-01")) == 20)
        #expect(city.step(on: try LocalDate("2029-04-01"))?.forCityReview == true)
        try Data(#"{"insurance": {"employer_size": ["51 until 2028-03-31 | city review", "none from 2028-04-01 | city review"]}}"#.utf8).write(to: file)
        let size = try await SettingsLoader.load(configFile: file.path).law.employerSize
        #expect(size.value(on: try LocalDate("2028-03-31")) == 51)
        #expect(size.value(on: try LocalDate("2028-04-01")) == .some(nil))
        // The day the Cabinet Order ends the wage threshold, once the city knows it.
        try Data(#"{"insurance": {"short_time_monthly_wage": ["88000 until 2027-09-30 | HIA art. 3(1)(ix)(b)", "none from 2027-10-01 | Cabinet Order"]}}"#.utf8).write(to: file)
        let wage = try await SettingsLoader.load(configFile: file.path).law.shortTimeMonthlyWage
        #expect(wage.value(on: try LocalDate("2027-09-30")) == 88_000)
        #expect(wage.value(on: try LocalDate("2027-10-01")) == .some(nil))
        // The 28-hour cap and the day permanent residence can be revoked are the city's to correct too.
        try Data(#"{"work": {"permission_weekly_hours": ["28 until 2027-12-31 | ICRRA art. 19(2)", "30 from 2028-01-01 | a city's reading | review"]}, "cases": {"permanent_residence_revocation": ["yes from 2027-06-20 | Cabinet Order"]}}"#.utf8).write(to: file)
        let law = try await SettingsLoader.load(configFile: file.path).law
        #expect(law.workPermissionWeeklyHours.value(on: try LocalDate("2028-01-01")) == 30)
        #expect(law.permanentResidenceRevocation.value(on: try LocalDate("2027-06-19")) == nil)
        // An agreement that comes into force is added by the city, with its branches and source.
        try Data(#"{"agreements": {"in_force": ["US from 2005-10-01 pension+health | JPS table", "VN from 2027-01-01 pension secondment 3 | a future agreement | review"]}}"#.utf8).write(to: file)
        let agreements = try await SettingsLoader.load(configFile: file.path).law.agreements
        let vietnam = try #require(agreements.with(try Nationality("VN")))
        #expect(vietnam.maxSecondmentYears == 3 && vietnam.forCityReview && !vietnam.covers(.health))
        #expect(agreements.inForce(with: try Nationality("VN"), on: try LocalDate("2026-12-31")) == nil)
        #expect(agreements.with(try Nationality("DE")) == nil, "the city's list replaces the built-in one")
        for bad in [#"["US 2005-10-01 pension | a"]"#, #"["US from 2005-10-01 health | a"]"#, #"["US from 2005-10-01 pension | a", "US from 2006-01-01 pension | b"]"#,
                    #"["XX1 from 2005-10-01 pension | a"]"#, #"["US from 2005-10-01 pension+dental | a"]"#] {
            try Data(#"{"agreements": {"in_force": "#.utf8 + Data(bad.utf8) + Data("}}".utf8)).write(to: file)
            await #expect(throws: ServiceError.self, "\(bad)") { try await SettingsLoader.load(configFile: file.path) }
        }
        for bad in [#"["20 | a", "10 from 2028-10-01 | b"]"#, #"["20 until 2028-09-30"]"#, #"["twenty | a"]"#] {
            try Data(#"{"insurance": {"employment_weekly_hours": "#.utf8 + Data(bad.utf8) + Data("}}".utf8)).write(to: file)
            await #expect(throws: ServiceError.self, "\(bad)") { try await SettingsLoader.load(configFile: file.path) }
        }
    }

    @Test func aCityFileAndTheEnvironmentOverride() async throws {
        let file = try TestFolder.make("kyosei-settings").appendingPathComponent("city.json")
        try Data(#"{"municipality": {"code": "232114"}, "rules": {"stay_expiry_window_days": 90}}"#.utf8).write(to: file)
        let fromFile = try await SettingsLoader.load(configFile: file.path)
        #expect(fromFile.municipalityCode.rawValue == "232114")
        #expect(fromFile.stayExpiryWindowDays == 90)
        #expect(fromFile.suppressionMinimum == 5)

        setenv("KYOSEI_RULES_STAY_EXPIRY_WINDOW_DAYS", "30", 1)
        defer { unsetenv("KYOSEI_RULES_STAY_EXPIRY_WINDOW_DAYS") }
        #expect(try await SettingsLoader.load(configFile: file.path).stayExpiryWindowDays == 30)
    }

    @Test func badValuesAreRefusedNotIgnored() async throws {
        setenv("KYOSEI_RULES_STAY_EXPIRY_WINDOW_DAYS", "sixty", 1)
        defer { unsetenv("KYOSEI_RULES_STAY_EXPIRY_WINDOW_DAYS") }
        await #expect(throws: ServiceError.self) { try await SettingsLoader.load(configFile: nil) }
    }

    @Test func aBadMunicipalityCodeIsNamed() async throws {
        setenv("KYOSEI_MUNICIPALITY_CODE", "221308", 1)
        defer { unsetenv("KYOSEI_MUNICIPALITY_CODE") }
        await #expect(throws: ServiceError.invalid(ValidationError(
            field: "configuration municipality.code", value: "221308", reason: "check digit should be 9"))) {
            try await SettingsLoader.load(configFile: nil)
        }
    }

    @Test func languageSettingsLoadAndAreChecked() async throws {
        let defaults = try await SettingsLoader.load(configFile: nil)
        #expect(defaults.languageCompletionPercent == 80)
        #expect(defaults.languageNewcomerWindowDays == 180)
        #expect(defaults.languageWaitlistPriority == [.newcomer, .gradeOneNextApril])
        #expect(defaults.autoResolveRules.contains("LANGUAGE_REFERRAL"))
        let file = try TestFolder.make("kyosei-settings").appendingPathComponent("city.json")
        try Data(#"{"language": {"completion_percent": 75, "waitlist_priority": ["GRADE1_NEXT_APRIL"]}}"#.utf8).write(to: file)
        let city = try await SettingsLoader.load(configFile: file.path)
        #expect(city.languageCompletionPercent == 75 && city.languageWaitlistPriority == [.gradeOneNextApril])
        try Data(#"{"language": {"completion_percent": 101}}"#.utf8).write(to: file)
        await #expect(throws: ServiceError.self) { try await SettingsLoader.load(configFile: file.path) }
        try Data(#"{"language": {"waitlist_priority": ["VIP"]}}"#.utf8).write(to: file)
        await #expect(throws: ServiceError.self) { try await SettingsLoader.load(configFile: file.path) }
    }
}
