/// Every dated threshold the insurance, work and case rules read, as one value the server loads
/// from its settings. The defaults are the enacted schedules (`enacted`, each step with its
/// source in `InsuranceThresholds`, `WorkPermissionCap` and `CoverageGapPriority`); a city whose
/// review finds a step wrong, or learns a Cabinet Order's day, corrects it in its configuration
/// without a new release. The ages (`AgeRule`), NHI exclusions and the agreement table are
/// fixed by statute and treaty and are not here.
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

    public init(
        employmentInsuranceWeeklyHours: DatedSchedule<Double> = InsuranceThresholds.employmentInsuranceWeeklyHours,
        employmentInsuranceExpectedDays: DatedSchedule<Int> = InsuranceThresholds.employmentInsuranceExpectedDays,
        shortTimeWeeklyHours: DatedSchedule<Double> = InsuranceThresholds.shortTimeWeeklyHours,
        employerSize: DatedSchedule<Int?> = InsuranceThresholds.employerSizeThreshold,
        shortTimeMonthlyWage: DatedSchedule<Int?> = InsuranceThresholds.shortTimeMonthlyWage,
        workPermissionWeeklyHours: DatedSchedule<Double> = WorkPermissionCap.weeklyHours,
        longVacationDailyHours: DatedSchedule<Double> = WorkPermissionCap.longVacationDailyHours,
        permanentResidenceRevocation: DatedSchedule<Bool> = CoverageGapPriority.permanentResidenceRevocation
    ) {
        self.employmentInsuranceWeeklyHours = employmentInsuranceWeeklyHours
        self.employmentInsuranceExpectedDays = employmentInsuranceExpectedDays
        self.shortTimeWeeklyHours = shortTimeWeeklyHours
        self.employerSize = employerSize
        self.shortTimeMonthlyWage = shortTimeMonthlyWage
        self.workPermissionWeeklyHours = workPermissionWeeklyHours
        self.longVacationDailyHours = longVacationDailyHours
        self.permanentResidenceRevocation = permanentResidenceRevocation
    }

    public static let enacted = LegalThresholds()
}
