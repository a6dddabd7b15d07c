/// A course provider's attendance file: `session,person,present`, one row per person and session
/// of the course named on the command line.
public enum AttendanceColumn: Int, FileColumn {
    case session, person, present

    public var name: String {
        switch self {
        case .session: "session"
        case .person: "person"
        case .present: "present"
        }
    }

    public var requirement: ColumnRequirement { .required }
}
