/// The dated thresholds of the employer insurances and of employment insurance, as the law
/// has them and as already enacted for the future: the defaults of `LegalThresholds`, which
/// the city's configuration may correct step by step after its review.
public enum InsuranceThresholds {
    private static func d(_ y: Int, _ m: Int, _ day: Int) -> LocalDate { try! LocalDate(year: y, month: m, day: day) }

    /// Contracted weekly hours at or above which an employee is in employment insurance:
    /// 20 until 2028-09-30, 10 from 2028-10-01. Employment Insurance Act art. 6(i); the 2024
    /// amendment (Act for Partial Revision of the Employment Insurance Act etc., enacted
    /// 2024-05-10) lowers it to 10 from 2028-10-01.
    public static let employmentInsuranceWeeklyHours = try! DatedSchedule<Double>("insurance.employment_weekly_hours", [
        Dated(20, from: nil, until: d(2028, 9, 30), source: "Employment Insurance Act art. 6(i)"),
        Dated(10, from: d(2028, 10, 1),
              source: "Employment Insurance Act art. 6(i) as amended in 2024 (enacted 2024-05-10, in force 2028-10-01)"),
    ])

    /// Days of expected employment from which an employee is in employment insurance (31 or
    /// more). Employment Insurance Act art. 6(ii).
    public static let employmentInsuranceExpectedDays = try! DatedSchedule<Int>("insurance.employment_expected_days", [
        Dated(31, from: nil, source: "Employment Insurance Act art. 6(ii)"),
    ])

    /// Contracted weekly hours from which a short-time employee (below three quarters of a
    /// full-timer's hours) can be in Employees' Health and Pension Insurance: 20. Health
    /// Insurance Act art. 3(1)(ix)(a); Employees' Pension Insurance Act art. 12(v)(a). The 2025
    /// amendment keeps it.
    public static let shortTimeWeeklyHours = try! DatedSchedule<Double>("insurance.short_time_weekly_hours", [
        Dated(20, from: nil, source: "Health Insurance Act art. 3(1)(ix)(a); Employees' Pension Insurance Act art. 12(v)(a)"),
    ])

    /// Least number of insured employees (EPI insured, counted for the whole enterprise) an
    /// employer must have for its short-time employees to be covered; nil: no size threshold.
    /// 501+ (2016-10; 2012 Law No. 62, for the city's review), 101+ (2022-10), 51+ (2024-10)
    /// under the 2020 pension reform Act (2020 Law No. 40, supplementary provisions); the 2025 pension reform Act (Act for
    /// Partial Revision of the National Pension Act etc. to strengthen the pension system's
    /// functions in view of socio-economic change, promulgated 2025-06-20) lowers it to 36+
    /// from 2027-10, 21+ from 2029-10, 11+ from 2032-10 and removes it from 2035-10.
    /// For the city's review: the 2025 steps (36/21/11 and the dates) are as MHLW's leaflets
    /// and labour-and-social-security attorneys report them; the Act's supplementary
    /// provisions were not checked offline. Before 2016-10 short-time workers had no route in.
    public static let employerSizeThreshold = try! DatedSchedule<Int?>("insurance.employer_size", [
        Dated(501, from: d(2016, 10, 1), until: d(2022, 9, 30),
              source: "2012 Law No. 62 (pension reform), supplementary provisions", forCityReview: true),
        Dated(101, from: d(2022, 10, 1), until: d(2024, 9, 30),
              source: "2020 Law No. 40 (pension reform), supplementary provisions"),
        Dated(51, from: d(2024, 10, 1), until: d(2027, 9, 30),
              source: "2020 Law No. 40 (pension reform), supplementary provisions"),
        Dated(36, from: d(2027, 10, 1), until: d(2029, 9, 30),
              source: "2025 pension reform Act (promulgated 2025-06-20), supplementary provisions", forCityReview: true),
        Dated(21, from: d(2029, 10, 1), until: d(2032, 9, 30),
              source: "2025 pension reform Act (promulgated 2025-06-20), supplementary provisions", forCityReview: true),
        Dated(11, from: d(2032, 10, 1), until: d(2035, 9, 30),
              source: "2025 pension reform Act (promulgated 2025-06-20), supplementary provisions", forCityReview: true),
        Dated(nil, from: d(2035, 10, 1),
              source: "2025 pension reform Act (promulgated 2025-06-20), supplementary provisions", forCityReview: true),
    ])

    /// Least scheduled monthly wage (yen) of a short-time employee for employer insurance:
    /// 88,000 (Health Insurance Act art. 3(1)(ix)(b)). The 2025 pension reform Act removes it
    /// on a day a Cabinet Order sets, within three years of promulgation (so by 2028-06-19),
    /// once minimum wages make it meaningless. The day is not known yet: the step is open-ended
    /// and the city must add its end when the order is made — for the city's review.
    public static let shortTimeMonthlyWage = try! DatedSchedule<Int?>("insurance.short_time_monthly_wage", [
        Dated(88_000, from: d(2016, 10, 1),
              source: "Health Insurance Act art. 3(1)(ix)(b); Employees' Pension Insurance Act art. 12(v)(b); removal by the 2025 pension reform Act on a day set by Cabinet Order (by 2028-06-19)",
              forCityReview: true),
    ])

    /// Weekly hours of a full-time employee against which the three-quarters rule is read when
    /// the employer's own are not known (40, the Labour Standards Act art. 32 week).
    public static let defaultFullTimeWeeklyHours = 40.0
}
