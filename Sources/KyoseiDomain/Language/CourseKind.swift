/// What a course is for (`domain.md`, "Japanese-language training and orientation").
public enum CourseKind: String, DomainCode {
    public static let fieldName = "course kind"
    case dailyLife = "DAILY_LIFE"
    case work = "WORK"
    /// Japanese for children before they enter public school.
    case preSchool = "PRE_SCHOOL"
    /// Life in Japan, rights and duties.
    case orientation = "ORIENTATION"

    /// The command-line spelling (`daily-life`, `pre-school` …) as well as the code.
    public init(option: String) throws {
        try self.init(code: String(option.uppercased().map { $0 == "-" ? "_" : $0 }))
    }
}
