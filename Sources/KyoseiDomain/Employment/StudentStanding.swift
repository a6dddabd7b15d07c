/// Whether a worker is a student in the sense of the insurance laws. A daytime (full-time)
/// student at a school, a specialised training college or a miscellaneous school (a Japanese
/// language school included) is outside employment insurance (Employment Insurance Act
/// art. 6(iv) and Enforcement Regulations art. 3-2) and outside the short-time route into the
/// employer insurances (Health Insurance Act art. 3(1)(ix)(d)). Night, correspondence and
/// on-leave students, and a student who will stay with the employer after graduating, are not.
public enum StudentStanding: String, DomainCode {
    public static let fieldName = "student standing"
    case notStudent = "NOT_STUDENT"
    case fullTime = "FULL_TIME"
    /// Night or correspondence course, on leave, or staying on after graduation.
    case otherStudent = "OTHER_STUDENT"

    /// What to assume when staff have recorded nothing: a holder of the Student status of
    /// residence studies full-time (the status is granted for full-time study); anyone else is
    /// taken not to be a student. For the city's review: a Student-status holder in a night
    /// course is rare but possible, and staff can record it.
    public static func presumed(for status: StatusOfResidence?) -> StudentStanding {
        status == .student ? .fullTime : .notStudent
    }

    public var isFullTime: Bool { self == .fullTime }
}
