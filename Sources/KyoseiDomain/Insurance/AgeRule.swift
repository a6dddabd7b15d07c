/// The ages between which one age-based insurance obligation holds, and the day each bound is
/// crossed. Every bound is crossed on the day the law says the age is reached
/// (`LocalDate.dayReaching(age:)`, the day before the birthday) except Late-Stage Elderly
/// Medical Care, which the Act on Assurance of Medical Care for Elderly People art. 52 and the
/// Japan Pension Service/municipal practice start on the 75th birthday itself.
public struct AgeRule: Sendable, Equatable {
    /// How a bound's day is found from the birthday.
    public enum Crossing: String, Sendable, Equatable {
        /// The day before the birthday (Act on Counting of Age; "…歳に達した日").
        case dayBeforeBirthday
        /// The birthday itself.
        case birthday
    }

    /// First age covered (nil: from birth).
    public let fromAge: Int?
    /// First age no longer covered (nil: for life).
    public let untilAge: Int?
    public let crossing: Crossing
    public let source: String
    public let forCityReview: Bool

    public init(fromAge: Int?, untilAge: Int?, crossing: Crossing = .dayBeforeBirthday, source: String,
                forCityReview: Bool = false) throws {
        if let fromAge, let untilAge, untilAge <= fromAge {
            throw ValidationError(field: "age rule", value: "\(fromAge)–\(untilAge)", reason: "must end after it starts")
        }
        if let a = fromAge ?? untilAge, a < 0 {
            throw ValidationError(field: "age rule", value: "\(a)", reason: "ages cannot be negative")
        }
        self.fromAge = fromAge
        self.untilAge = untilAge
        self.crossing = crossing
        self.source = source
        self.forCityReview = forCityReview
    }

    private func day(_ birthDate: LocalDate, _ age: Int) -> LocalDate {
        switch crossing {
        case .dayBeforeBirthday: birthDate.dayReaching(age: age)
        case .birthday: birthDate.adding(years: age)
        }
    }

    /// The first day the obligation holds for someone born on `birthDate`.
    public func firstDay(birthDate: LocalDate) -> LocalDate {
        fromAge.map { day(birthDate, $0) } ?? birthDate
    }

    /// The last day it holds, nil when it holds for life.
    public func lastDay(birthDate: LocalDate) -> LocalDate? {
        untilAge.map { day(birthDate, $0).adding(days: -1) }
    }

    public func holds(birthDate: LocalDate, on date: LocalDate) -> Bool {
        date >= firstDay(birthDate: birthDate) && (lastDay(birthDate: birthDate).map { date <= $0 } ?? true)
    }

    /// National Pension, compulsory for residents aged 20 to 59: from the day one reaches 20
    /// (art. 8) to the day before one reaches 60 (art. 9 item 3; the day of reaching 60 is
    /// the day before the 60th birthday). National Pension Act art. 7(1)(i).
    public static let nationalPension = try! AgeRule(
        fromAge: 20, untilAge: 60, source: "National Pension Act arts. 7(1)(i), 8, 9(iii); Act on Counting of Age")

    /// Employees' Pension Insurance: every employee of an applicable establishment under 70,
    /// with no lower age: an employee under 20 or aged 60–69 is in EPI although outside
    /// National Pension category 1. Lost on the day one reaches 70. Employees' Pension
    /// Insurance Act arts. 9, 14(v).
    public static let employeesPension = try! AgeRule(
        fromAge: nil, untilAge: 70, source: "Employees' Pension Insurance Act arts. 9, 14(v); Act on Counting of Age")

    /// Employees' Health Insurance ends when Late-Stage Elderly Medical Care begins, on the
    /// 75th birthday: the insured of Late-Stage Elderly Medical Care are outside Health
    /// Insurance. For the city's review: the Health Insurance Act articles for this loss were
    /// not checked offline.
    public static let employeesHealth = try! AgeRule(
        fromAge: nil, untilAge: 75, crossing: .birthday,
        source: "Health Insurance Act (Late-Stage Elderly Medical Care insured are excluded)", forCityReview: true)

    /// Late-Stage Elderly Medical Care from the 75th birthday itself. Act on Assurance of
    /// Medical Care for Elderly People arts. 50, 52 — for the city's review: the birthday (not
    /// the day before) is how municipalities and the Japan Pension Service state it; the
    /// statute's text was not checked offline.
    public static let lateElderly = try! AgeRule(
        fromAge: 75, untilAge: nil, crossing: .birthday,
        source: "Act on Assurance of Medical Care for Elderly People arts. 50, 52", forCityReview: true)
}
