import KyoseiIntake

/// What an attendance file did: marks recorded, and each row set aside with its reasons (kept
/// for `kyosei rejects`); or, for bytes already applied, nothing and why.
public struct AttendanceImportOutcome: Sendable, Equatable, Encodable {
    public typealias Result = RosterImportOutcome.Result

    public var file: String
    public var course: Int64
    public var outcome: Result
    public var reason: String?
    public var marked = 0
    public var rejects: [Reject] = []

    public init(file: String, course: Int64, outcome: Result, reason: String? = nil) {
        self.file = file
        self.course = course
        self.outcome = outcome
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey { case file, course, outcome, reason, marked, rejected, rejects }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(course, forKey: .course)
        try container.encode(outcome, forKey: .outcome)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encode(marked, forKey: .marked)
        try container.encode(rejects.count, forKey: .rejected)
        try container.encode(rejects, forKey: .rejects)
    }
}
