/// Whether one job puts its worker in employment insurance on a date. Employment insurance
/// is per employment: the hours of concurrent jobs are not summed (unlike the 28-hour cap), and
/// each job is judged on its own contracted weekly hours.
///
/// Sources: Employment Insurance Act art. 4 and art. 6 — (i) contracted weekly hours below the
/// threshold (20, 10 from 2028-10-01: `InsuranceThresholds.employmentInsuranceWeeklyHours`);
/// (ii) not expected to be employed for 31 days or more; (iv) daytime students. The hours
/// threshold and the days are the city's configured schedules (`LegalThresholds`), whose
/// defaults are the enacted steps. Working-holiday
/// makers are treated as not insured by Hello Work's handling rules (雇用保険に関する業務取扱
/// 要領) — for the city's review.
public enum EmploymentInsuranceApplicability {
    public static func evaluate(
        weeklyHours: Double, on date: LocalDate, contract: ContractPeriod?, student: StudentStanding,
        designation: Designation?, law: LegalThresholds = .enacted
    ) -> Applicability {
        let hoursRule = "Employment Insurance Act art. 6(i)"
        guard let threshold = law.employmentInsuranceWeeklyHours.step(on: date) else {
            return Applicability(.undetermined, "No employment-insurance hours threshold is in force on \(date).", sources: [hoursRule])
        }
        let hours = HoursText.of(weeklyHours), limit = HoursText.of(threshold.value)
        if designation == .workingHoliday {
            return Applicability(
                .doesNotApply, "A working-holiday maker is outside employment insurance.",
                sources: ["Hello Work handling rules for the Employment Insurance Act (working holiday)"], forCityReview: true)
        }
        if student.isFullTime {
            return Applicability(
                .doesNotApply, "A full-time student is outside employment insurance, whatever the hours (\(hours) a week).",
                sources: ["Employment Insurance Act art. 6(iv); Enforcement Regulations art. 3-2"])
        }
        if weeklyHours < threshold.value {
            return Applicability(
                .doesNotApply, "\(hours) contracted hours a week, below the threshold of \(limit) in force on \(date).",
                sources: [threshold.source])
        }
        let days = law.employmentInsuranceExpectedDays.value(on: date) ?? 31
        guard let contract else {
            return Applicability(
                .applies,
                "\(hours) contracted hours a week, at or above the threshold of \(limit) in force on \(date); no contract period is known, so employment for \(days) days or more is assumed.",
                sources: [threshold.source, "Employment Insurance Act art. 6(ii)"])
        }
        guard contract.isExpected(toLast: days) else {
            return Applicability(
                .doesNotApply,
                "The contract runs \(contract.days ?? 0) days from \(contract.start) with no renewal clause: not expected to last \(days) days.",
                sources: ["Employment Insurance Act art. 6(ii)"])
        }
        return Applicability(
            .applies, "\(hours) contracted hours a week, at or above the threshold of \(limit) in force on \(date), and the contract is expected to last \(days) days or more.",
            sources: [threshold.source, "Employment Insurance Act art. 6(ii)"], forCityReview: contract.renewable && (contract.days ?? days) < days)
    }
}
