/// One mark from a provider: the session's number in the course, the person as the provider
/// wrote them (K<number>, person id or residence card number), and whether they came.
public struct AttendanceRow: Sendable, Equatable {
    public let session: Int
    public let person: String
    public let present: Bool
}
