/// A Japanese school year: April 1 to March 31, named by the calendar year it starts in, in
/// three terms (April–July, September–December, January–March).
public struct SchoolYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// The school year a date falls in.
    public init(containing date: LocalDate) {
        startYear = date.month >= 4 ? date.year : date.year - 1
    }

    public var firstDay: LocalDate { try! LocalDate(year: startYear, month: 4, day: 1) }
    public var lastDay: LocalDate { try! LocalDate(year: startYear + 1, month: 3, day: 31) }

    public enum Term: String, Sendable, CaseIterable, Codable {
        case t1 = "T1", t2 = "T2", t3 = "T3"
    }

    /// The term a date falls in; nil in the August holiday.
    public static func term(of date: LocalDate) -> Term? {
        switch date.month {
        case 4...7: .t1
        case 9...12: .t2
        case 1...3: .t3
        default: nil
        }
    }

    /// The school year a child born on `birthDate` enters grade 1. Legally one attains an age
    /// the day before the birthday, so a child born on April 1 turns 6 on March 31 and belongs
    /// to the earlier cohort than one born on April 2; February 29 needs no special case.
    public static func entry(forBirthDate birthDate: LocalDate) -> SchoolYear {
        let dayBefore = birthDate.adding(days: -1)
        // Turns 6 (legally) on the day before the sixth birthday; the school year starting the
        // next April 1 is the entry year.
        let turnsSix = LocalDate(dayNumber: dayBefore.dayNumber).adding(years: 6)
        return SchoolYear(startYear: turnsSix.month >= 4 ? turnsSix.year + 1 : turnsSix.year)
    }

    /// Grade 1–9 (7–9 = junior high 1–3) the child is expected in during `self`; below 1 not yet
    /// in school, above 9 past compulsory age.
    public func expectedGrade(forBirthDate birthDate: LocalDate) -> Int {
        startYear - Self.entry(forBirthDate: birthDate).startYear + 1
    }

    /// Compulsory age: expected in grades 1 to 9 (to the end of the school year in which the
    /// child turns 15).
    public func isCompulsoryAge(birthDate: LocalDate) -> Bool {
        (1...9).contains(expectedGrade(forBirthDate: birthDate))
    }

    public var description: String { "\(startYear)" }
    public static func < (a: SchoolYear, b: SchoolYear) -> Bool { a.startYear < b.startYear }
}
