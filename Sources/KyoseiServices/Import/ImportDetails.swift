/// What one kind of file counts beyond rows, applied and rejected.
public enum ImportDetails: Sendable, Encodable, Equatable {
    case register(RegisterCounts)
    /// Insurance and school rosters: both link their people to residents the same way.
    case roster(RosterCounts)
    case employment(NotificationCounts)
    case attendance(AttendanceCounts)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .register(let counts): try counts.encode(to: encoder)
        case .roster(let counts): try counts.encode(to: encoder)
        case .employment(let counts): try counts.encode(to: encoder)
        case .attendance(let counts): try counts.encode(to: encoder)
        }
    }
}
