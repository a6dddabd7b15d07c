/// Everything `doctor` checked; healthy when no check found a problem.
public struct HealthReport: Sendable, Equatable, Encodable {
    public let checks: [HealthCheck]

    public var problems: [HealthCheck] { checks.filter { $0.status == .problem } }
    public var isHealthy: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey { case checks, healthy }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isHealthy, forKey: .healthy)
        try container.encode(checks, forKey: .checks)
    }
}
