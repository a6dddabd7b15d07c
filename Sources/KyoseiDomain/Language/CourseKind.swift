/// What a course is for (`domain.md`, "Japanese-language training and orientation").
public enum CourseKind: String, DomainCode {
    public static let fieldName = "course kind"
    case dailyLife = "DAILY_LIFE"
    case work = "WORK"
    /// Japanese for children before they enter public school.
    case preSchool = "PRE_SCHOOL"
    /// Life in Japan, rights and duties.
    case orientation = "ORIENTATION"
}
