/// Every dated threshold and table the insurance, work and case rules read, as one value the
/// server loads from its settings. The defaults are the enacted schedules (`enacted`, each step
/// with its source in `InsuranceThresholds`, `WorkPermissionCap`, `CoverageGapPriority` and
/// `SocialSecurityAgreements`); a city whose review finds a step wrong, learns a Cabinet Order's
/// day or sees a new agreement come into force corrects it in its configuration without a new
/// release. The ages (`AgeRule`) and the NHI exclusions are fixed by statute and are not here.
public struct LegalThresholds: Sendable, Equatable {
    public var employmentInsuranceWeeklyHours: DatedSchedule<Double>
    public var employmentInsuranceExpectedDays: DatedSchedule<Int>
    public var shortTimeWeeklyHours: DatedSchedule<Double>
    /// Least insured headcount of the employer for short-time employees; nil: no threshold.
    public var employerSize: DatedSchedule<Int?>
    /// Least scheduled monthly wage of a short-time employee; nil: no threshold.
    public var shortTimeMonthlyWage: DatedSchedule<Int?>
    public var workPermissionWeeklyHours: DatedSchedule<Double>
    public var longVacationDailyHours: DatedSchedule<Double>
    /// Whether a permanent resident's coverage gap can cost them their status.
    public var permanentResidenceRevocation: DatedSchedule<Bool>
    public var agreements: AgreementTable

    public init(
        employmentInsuranceWeeklyHours: DatedSchedule<Double> = InsuranceThresholds.employmentInsuranceWeeklyHours,
        employmentInsuranceExpectedDays: DatedSchedule<Int> = InsuranceThresholds.employmentInsuranceExpectedDays,
        shortTimeWeeklyHours: DatedSchedule<Double> = InsuranceThresholds.shortTimeWeeklyHours,
        employerSize: DatedSchedule<Int?> = InsuranceThresholds.employerSizeThreshold,
        shortTimeMonthlyWage: DatedSchedule<Int?> = InsuranceThresholds.shortTimeMonthlyWage,
        workPermissionWeeklyHours: DatedSchedule<Double> = WorkPermissionCap.weeklyHours,
        longVacationDailyHours: DatedSchedule<Double> = WorkPermissionCap.longVacationDailyHours,
        permanentResidenceRevocation: DatedSchedule<Bool> = CoverageGapPriority.permanentResidenceRevocation,
        agreements: AgreementTable = .enacted
    ) {
        self.employmentInsuranceWeeklyHours = employmentInsuranceWeeklyHours
        self.employmentInsuranceExpectedDays = employmentInsuranceExpectedDays
        self.shortTimeWeeklyHours = shortTimeWeeklyHours
        self.employerSize = employerSize
        self.shortTimeMonthlyWage = shortTimeMonthlyWage
        self.workPermissionWeeklyHours = workPermissionWeeklyHours
        self.longVacationDailyHours = longVacationDailyHours
        self.permanentResidenceRevocation = permanentResidenceRevocation
        self.agreements = agreements
    }

    public static let enacted = LegalThresholds()
}
