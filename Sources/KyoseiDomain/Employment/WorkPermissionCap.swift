/// The cap on work by a holder of a Table I(3)/(4) status (Student, Dependent, Cultural
/// Activities…) with permission to engage in an activity other than that permitted: at most
/// 28 hours a week in total, whatever the number of employers; a Student in a long vacation
/// set by the school's rules may work up to 8 hours a day instead.
///
/// Source: Immigration Control and Refugee Recognition Act art. 19(2); Enforcement Regulations
/// art. 19(5)(i) (comprehensive permission: 28 hours a week; 8 hours a day in a student's long
/// vacation). For the city's review: the paragraph numbers of the Enforcement Regulations were
/// not checked offline.
public enum WorkPermissionCap {
    public static let source = "Immigration Control and Refugee Recognition Act art. 19(2); Enforcement Regulations art. 19(5)(i)"
    /// Hours a week, summed over all jobs.
    public static let weeklyHours = try! DatedSchedule<Double>("work.permission_weekly_hours", [
        Dated(28, from: nil, source: source, forCityReview: true),
    ])
    /// Hours a day in a Student's long vacation, summed over all jobs.
    public static let longVacationDailyHours = try! DatedSchedule<Double>("work.long_vacation_daily_hours", [
        Dated(8, from: nil, source: source, forCityReview: true),
    ])

    /// The check for a person of `status` on `date` holding `jobs` (those not held on the date
    /// are ignored). `inLongVacation` is the school's long vacation (only for Students).
    public static func check(
        status: StatusOfResidence, permission: Bool, jobs allJobs: [ConcurrentJob], on date: LocalDate,
        inLongVacation: Bool = false, law: LegalThresholds = .enacted
    ) -> WorkPermissionCheck {
        let jobs = allJobs.filter { $0.isHeld(on: date) }
        let total = jobs.reduce(0) { $0 + $1.weeklyHours }
        func result(_ outcome: WorkPermissionCheck.Outcome, _ reason: String) -> WorkPermissionCheck {
            WorkPermissionCheck(outcome: outcome, totalWeeklyHours: total, jobs: jobs, reason: reason)
        }
        let held = "\(jobs.count) job\(jobs.count == 1 ? "" : "s") on \(date)"
        guard let weekly = law.workPermissionWeeklyHours.value(on: date) else {
            return result(.cannotCheck, "No weekly cap on permitted work is set for \(date).")
        }
        let cap = HoursText.of(weekly)
        switch status.workClass {
        case .any, .activity: return result(.notCapped, "\(status.englishName) is not under the \(cap)-hour cap.")
        case .review: return result(.review, "Designated Activities: whether this work is allowed depends on the designation.")
        case .none: break
        }
        guard !jobs.isEmpty else { return result(.withinCap, "No job is held on \(date).") }
        guard permission else {
            return result(.noPermission, "\(status.englishName) allows no work without permission for another activity; \(held).")
        }
        if inLongVacation && status == .student, let dailyCap = law.longVacationDailyHours.value(on: date) {
            let daily = jobs.map(\.dailyHours)
            let limit = HoursText.of(dailyCap)
            guard daily.allSatisfy({ $0 != nil }) else {
                return result(.cannotCheck, "In the school's long vacation the cap is \(limit) hours a day, and the daily hours of some of the \(held) are not known.")
            }
            let day = daily.reduce(0) { $0 + $1! }
            return day > dailyCap
                ? result(.exceedsCap, "In the school's long vacation at most \(limit) hours a day are allowed; \(HoursText.of(day)) a day over \(held).")
                : result(.withinCap, "In the school's long vacation: \(HoursText.of(day)) hours a day over \(held), within \(limit).")
        }
        return total > weekly
            ? result(.exceedsCap, "At most \(cap) hours a week are allowed over all employers; \(HoursText.of(total)) are contracted over \(held).")
            : result(.withinCap, "\(HoursText.of(total)) hours a week over \(held), within \(cap).")
    }
}
