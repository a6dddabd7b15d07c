/// One line of `doctor`: what was checked, how it stands, and what was found.
public struct HealthCheck: Sendable, Equatable, Encodable {
    /// A problem makes `doctor` fail; a warning is work for staff, reported but not failing.
    public enum Status: String, Sendable, Encodable {
        case ok, warning, problem
    }

    public let name: String
    public let status: Status
    public let detail: String

    public init(_ name: String, _ status: Status, _ detail: String) {
        self.name = name
        self.status = status
        self.detail = detail
    }
}
