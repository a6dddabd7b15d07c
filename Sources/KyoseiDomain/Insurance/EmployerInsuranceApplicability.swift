/// Whether Employees' Health Insurance (EHI) or Employees' Pension Insurance (EPI) should
/// apply to an employee on a date. An employee is insured by the employer — for a dispatched
/// worker, the dispatching agency — in either of two ways:
/// - **full-time**: contracted weekly hours of at least three quarters of the employer's
///   full-time hours (Health Insurance Act art. 3(1)(ix) read a contrario; the "4/3 rule" of
///   MHLW's 2016 notice) — whatever the employer's size, wage or study;
/// - **short-time**: 20+ weekly hours, the scheduled monthly wage threshold while it lasts,
///   not a full-time student, at an employer with at least the dated insured headcount
///   (`InsuranceThresholds.employerSizeThreshold`). Health Insurance Act art. 3(1)(ix);
///   Employees' Pension Insurance Act art. 12(v); the pension reform Acts' supplementary
///   provisions for the size steps.
/// Either way employment must be expected to last more than two months (Health Insurance Act
/// art. 3(1)(v) and EPI Act art. 12(ii) as amended from 2022-10), and EPI ends at 70 and EHI at
/// 75 (`AgeRule`). The employer is taken to be an applicable establishment (every corporation
/// is: Health Insurance Act art. 3(3)); an individual proprietor may not be — for the city's review.
///
/// Only hours are compared here; the full-time route also asks for three quarters
/// of the working days, which no partner file carries.
public enum EmployerInsuranceApplicability {
    /// `law` holds the city's configured schedules, whose defaults are the enacted steps.
    public static func evaluate(_ scheme: InsuranceScheme, _ f: EmployeeInsuranceFacts, on date: LocalDate,
                                law: LegalThresholds = .enacted) -> Applicability {
        precondition(scheme == .ehi || scheme == .epi, "employer insurance is EHI or EPI")
        let age = scheme == .epi ? AgeRule.employeesPension : AgeRule.employeesHealth
        let name = scheme == .epi ? "Employees' Pension Insurance" : "Employees' Health Insurance"
        let who = f.dispatched ? "the dispatching agency" : "the employer"
        guard age.holds(birthDate: f.birthDate, on: date) else {
            let limit = scheme == .epi ? "70" : "75"
            return Applicability(.doesNotApply, "\(name) ends at \(limit); this employee has reached it by \(date).",
                                 sources: [age.source], forCityReview: age.forCityReview)
        }
        let twoMonths = "Health Insurance Act art. 3(1)(v); Employees' Pension Insurance Act art. 12(ii)"
        if let contract = f.contract, !contract.isExpectedBeyondTwoMonths {
            return Applicability(.doesNotApply, "The contract from \(contract.start) ends within two months and is not renewable.",
                                 sources: [twoMonths])
        }
        let fullTime = f.fullTimeWeeklyHours ?? InsuranceThresholds.defaultFullTimeWeeklyHours
        let hours = HoursText.of(f.weeklyHours)
        if f.weeklyHours >= fullTime * 0.75 {
            return Applicability(
                .applies, "\(hours) contracted hours a week is at least three quarters of \(HoursText.of(fullTime)) full-time hours: \(name) applies through \(who) whatever its size.",
                sources: ["Health Insurance Act art. 3(1)(ix); Employees' Pension Insurance Act art. 12(v) (three-quarters rule)", twoMonths],
                forCityReview: f.fullTimeWeeklyHours == nil)
        }
        return shortTime(name, f, on: date, law: law, who: who, hours: hours, twoMonths: twoMonths)
    }

    private static func shortTime(_ name: String, _ f: EmployeeInsuranceFacts, on date: LocalDate, law: LegalThresholds,
                                  who: String, hours: String, twoMonths: String) -> Applicability {
        let route = "Health Insurance Act art. 3(1)(ix); Employees' Pension Insurance Act art. 12(v)"
        guard let size = law.employerSize.step(on: date),
              let minimumHours = law.shortTimeWeeklyHours.value(on: date) else {
            return Applicability(.doesNotApply, "Short-time employees had no route into \(name) on \(date).", sources: [route])
        }
        var sources = [route, size.source]
        var review = size.forCityReview
        guard f.weeklyHours >= minimumHours else {
            return Applicability(.doesNotApply, "\(hours) contracted hours a week, below the \(HoursText.of(minimumHours)) of a short-time employee.", sources: sources)
        }
        if f.student.isFullTime {
            return Applicability(.doesNotApply, "A full-time student working short time (\(hours) hours a week) is outside \(name).",
                                 sources: ["Health Insurance Act art. 3(1)(ix)(d); Employees' Pension Insurance Act art. 12(v)(d)"])
        }
        var assumed: [String] = []
        if let wageStep = law.shortTimeMonthlyWage.step(on: date), let least = wageStep.value {
            sources.append(wageStep.source)
            review = review || wageStep.forCityReview
            if let wage = f.monthlyWage {
                if wage < least {
                    return Applicability(.doesNotApply, "A scheduled monthly wage of \(wage) yen is below the \(least) yen in force on \(date).",
                                         sources: sources, forCityReview: review)
                }
            } else {
                assumed.append("a monthly wage of \(least) yen or more (not known; at 20 hours a week the minimum wage nearly always reaches it)")
                review = true
            }
        }
        if f.contract == nil { assumed.append("employment for more than two months (no contract period is known)") }
        let assumption = assumed.isEmpty ? "" : " Assumed: " + assumed.joined(separator: "; ") + "."
        guard let least = size.value else {
            return Applicability(.applies, "\(hours) contracted hours a week, and from \(size.effectiveFrom!) there is no employer-size threshold.\(assumption)",
                                 sources: sources + [twoMonths], forCityReview: review)
        }
        if f.employerInsuredHeadcount == nil, f.employerInsuredSeen >= least {
            return Applicability(.applies, "\(hours) contracted hours a week at \(who), which has at least \(f.employerInsuredSeen) insured employees on the pension rosters (\(least) or more on \(date)).\(assumption)",
                                 sources: sources + [twoMonths], forCityReview: review)
        }
        guard let headcount = f.employerInsuredHeadcount else {
            return Applicability(.undetermined, "\(hours) contracted hours a week; \(name) applies if \(who) has \(least) or more insured employees, and its headcount is not known\(f.employerInsuredSeen > 0 ? " (\(f.employerInsuredSeen) seen on the pension rosters)" : "").",
                                 sources: sources, forCityReview: review)
        }
        guard headcount >= least else {
            return Applicability(.doesNotApply, "\(hours) contracted hours a week, but \(who) has \(headcount) insured employees, below the \(least) in force on \(date).",
                                 sources: sources, forCityReview: review)
        }
        return Applicability(.applies, "\(hours) contracted hours a week at \(who) with \(headcount) insured employees (\(least) or more on \(date)).\(assumption)",
                             sources: sources + [twoMonths], forCityReview: review)
    }
}
