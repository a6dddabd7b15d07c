import KyoseiIntake

/// What a provider's attendance file did to one course. The rows set aside are listed here too:
/// the file is small and the provider's clerk fixes them at once, unlike a roster's rejects,
/// which staff work through with `kyosei rejects`.
public struct AttendanceCounts: Sendable, Encodable, Equatable {
    public var course: Int64
    public var marked = 0
    public var rejects: [Reject] = []

    public init(course: Int64) { self.course = course }
}
