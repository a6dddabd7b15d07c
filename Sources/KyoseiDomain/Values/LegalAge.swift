/// Age as the law counts it. Under the Act on Counting of Age (年齢計算ニ関スル法律, Meiji 35
/// Law No. 50) with Civil Code art. 143, age is counted from the day of birth and a year of age
/// is completed at the end of the day before the birthday. Statutes that attach an obligation
/// to "reaching" an age (…歳に達した日) therefore start or end it on the day before the
/// birthday: National Pension from the day before the 20th birthday (National Pension Act
/// art. 8) until the day before the 60th (art. 9), Employees' Pension until the day before the
/// 70th (Employees' Pension Insurance Act art. 14). `LocalDate.age(on:)` keeps the everyday
/// count (the birthday itself), which reports by age band use; obligations use these.
extension LocalDate {
    /// The age the law says a person born on `self` has reached on `date`: one more than
    /// `age(on:)` on the day before each birthday. Someone born on 29 February reaches each
    /// age on 28 February in a common year, as the Act's end-of-the-day rule implies.
    public func legalAge(on date: LocalDate) -> Int {
        age(on: date.adding(days: 1))
    }

    /// The day on which a person born on `self` reaches `years` in law: the day before the
    /// birthday (28 February for someone born on 29 February, in a common year).
    public func dayReaching(age years: Int) -> LocalDate {
        // The birthday of a 29 February child in a common year clamps to 28 February; its day
        // before would then be 27 February, one too early. Count from 1 March instead.
        let birthday = adding(years: years)
        if month == 2, day == 29, birthday.day == 28 {
            return birthday
        }
        return birthday.adding(days: -1)
    }
}
