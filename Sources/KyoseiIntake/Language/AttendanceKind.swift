import KyoseiDomain

/// The attendance file a course provider sends. Who the person is and whether the session
/// exists are for the service to judge against the database; the file only has to be well formed.
public struct AttendanceKind: FileKind {
    public typealias Column = AttendanceColumn

    public init() {}

    public var name: String { "attendance file" }

    public func row(from r: inout RowReader<AttendanceColumn>) -> AttendanceRow? {
        let session = r.parse(.session, Self.sessionNumber)
        let present = r.parse(.present, FieldFormat.yesNo)
        guard !r.hasProblems, let session, let present else { return nil }
        return AttendanceRow(session: session, person: r[.person], present: present)
    }

    static func sessionNumber(_ text: String) throws -> Int {
        guard text.isASCIIDigits, text.utf8.count <= 4, let number = Int(text), number > 0 else {
            throw ValidationError(field: "session", value: text, reason: "must be the session's number in the course, 1 or more")
        }
        return number
    }
}
