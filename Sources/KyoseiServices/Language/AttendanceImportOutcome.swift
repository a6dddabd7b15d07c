import KyoseiIntake

/// What an attendance file did: marks recorded, and each row set aside with its reasons.
public struct AttendanceImportOutcome: Sendable, Equatable, Encodable {
    public var file: String
    public var marked: Int
    public var rejects: [Reject]

    enum CodingKeys: String, CodingKey { case file, marked, rejected, rejects }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(marked, forKey: .marked)
        try container.encode(rejects.count, forKey: .rejected)
        try container.encode(rejects, forKey: .rejects)
    }
}
