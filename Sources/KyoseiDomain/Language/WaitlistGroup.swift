/// A group whose members go ahead of others on a course's waitlist, in the order the city lists
/// them in `language.waitlist_priority`; within a group, and for everyone in none, the order of
/// request decides.
public enum WaitlistGroup: String, DomainCode {
    public static let fieldName = "waitlist priority group"
    /// Moved in within `language.newcomer_window_days`.
    case newcomer = "NEWCOMER"
    /// Enters elementary grade 1 the next April.
    case gradeOneNextApril = "GRADE1_NEXT_APRIL"

    /// Whether a person with this birth date, living here since `residentSince`, is in the group.
    public func contains(birthDate: LocalDate, residentSince: LocalDate?, on date: LocalDate, newcomerWindowDays: Int) -> Bool {
        switch self {
        case .newcomer:
            guard let residentSince else { return false }
            return residentSince <= date && residentSince.days(until: date) <= newcomerWindowDays
        case .gradeOneNextApril:
            return SchoolYear.entry(forBirthDate: birthDate) == SchoolYear(startYear: SchoolYear(containing: date).startYear + 1)
        }
    }
}
