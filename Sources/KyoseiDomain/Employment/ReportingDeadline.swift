/// The last day on which an employer may file a foreign worker's notification (`domain.md`,
/// "Employment reporting"). A report filed on the deadline itself is on time.
public enum ReportingDeadline {
    /// A hire: for a worker in employment insurance, the 10th of the month after the hire month;
    /// for anyone else, the last day of the month after the hire month.
    public static func forHire(on hireDate: LocalDate, insured: Bool) -> LocalDate {
        let nextMonth = hireDate.firstOfMonth.adding(months: 1)
        return insured ? nextMonth.adding(days: 9) : nextMonth.lastDayOfMonth
    }

    /// A separation: for a worker in employment insurance, within 10 days after the separation
    /// date (the 10th day counts); for anyone else, the last day of the month after it.
    public static func forSeparation(on separationDate: LocalDate, insured: Bool) -> LocalDate {
        insured ? separationDate.adding(days: 10) : separationDate.firstOfMonth.adding(months: 1).lastDayOfMonth
    }
}

extension LocalDate {
    /// The first day of this date's month.
    public var firstOfMonth: LocalDate { adding(days: 1 - day) }
}
