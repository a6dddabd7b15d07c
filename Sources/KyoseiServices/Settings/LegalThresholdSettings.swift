import KyoseiDomain

/// The dated legal thresholds as the configuration names and writes them, in one list so that
/// loading and `config show` cannot disagree about a key.
enum LegalThresholdSettings {
    enum Key: String {
        case employmentInsuranceWeeklyHours = "insurance.employment_weekly_hours"
        case employmentInsuranceExpectedDays = "insurance.employment_expected_days"
        case shortTimeWeeklyHours = "insurance.short_time_weekly_hours"
        case employerSize = "insurance.employer_size"
        case shortTimeMonthlyWage = "insurance.short_time_monthly_wage"
        case workPermissionWeeklyHours = "work.permission_weekly_hours"
        case longVacationDailyHours = "work.long_vacation_daily_hours"
        case permanentResidenceRevocation = "cases.permanent_residence_revocation"
    }

    static func load(_ strings: (String) throws -> [String]) throws -> LegalThresholds {
        func read<V>(_ key: Key, _ parse: (String) -> V?) throws -> DatedSchedule<V> {
            try DatedSettingText.schedule(key.rawValue, strings(key.rawValue), value: parse)
        }
        return LegalThresholds(
            employmentInsuranceWeeklyHours: try read(.employmentInsuranceWeeklyHours, DatedSettingText.hours),
            employmentInsuranceExpectedDays: try read(.employmentInsuranceExpectedDays, DatedSettingText.days),
            shortTimeWeeklyHours: try read(.shortTimeWeeklyHours, DatedSettingText.hours),
            employerSize: try read(.employerSize, DatedSettingText.headcount),
            shortTimeMonthlyWage: try read(.shortTimeMonthlyWage, DatedSettingText.headcount),
            workPermissionWeeklyHours: try read(.workPermissionWeeklyHours, DatedSettingText.hours),
            longVacationDailyHours: try read(.longVacationDailyHours, DatedSettingText.hours),
            permanentResidenceRevocation: try read(.permanentResidenceRevocation, DatedSettingText.yesNo),
            agreements: try AgreementSettingText.table(strings(AgreementSettingText.key)))
    }

    static func shown(_ law: LegalThresholds) -> [(key: String, value: String)] {
        func show<V>(_ key: Key, _ schedule: DatedSchedule<V>, _ text: (V) -> String) -> [(key: String, value: String)] {
            DatedSettingText.shown(key.rawValue, schedule, text)
        }
        let threshold: (Int?) -> String = { $0.map(String.init) ?? "none" }
        return show(.employmentInsuranceWeeklyHours, law.employmentInsuranceWeeklyHours, HoursText.of)
            + show(.employmentInsuranceExpectedDays, law.employmentInsuranceExpectedDays) { String($0) }
            + show(.shortTimeWeeklyHours, law.shortTimeWeeklyHours, HoursText.of)
            + show(.employerSize, law.employerSize, threshold)
            + show(.shortTimeMonthlyWage, law.shortTimeMonthlyWage, threshold)
            + show(.workPermissionWeeklyHours, law.workPermissionWeeklyHours, HoursText.of)
            + show(.longVacationDailyHours, law.longVacationDailyHours, HoursText.of)
            + show(.permanentResidenceRevocation, law.permanentResidenceRevocation) { $0 ? "yes" : "no" }
            + AgreementSettingText.shown(law.agreements)
    }
}
