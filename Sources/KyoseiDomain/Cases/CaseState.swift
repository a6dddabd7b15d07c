/// The workflow every case follows: OPEN → IN_PROGRESS ⇄ WAITING → RESOLVED → CLOSED, with
/// reopening. The transitions are data, so the service, the CLI's help and the tests share them.
public enum CaseState: String, DomainCode {
    public static let fieldName = "case state"
    case open = "OPEN"
    case inProgress = "IN_PROGRESS"
    case waiting = "WAITING"
    case resolved = "RESOLVED"
    case closed = "CLOSED"

    /// Still work to do: it counts in queues, workload and overdue figures.
    public var isActive: Bool { self == .open || self == .inProgress || self == .waiting }

    /// Where a case may be moved from here. Resolving needs an outcome and reopening a reason,
    /// so the service has its own verbs for those; `move` covers the rest.
    public var next: Set<CaseState> {
        switch self {
        case .open: [.inProgress, .waiting, .resolved]
        case .inProgress: [.waiting, .resolved]
        case .waiting: [.inProgress, .resolved]
        case .resolved: [.closed, .open]
        case .closed: [.open]
        }
    }

    public func canMove(to target: CaseState) -> Bool { next.contains(target) }
}

/// How a case ended.
public enum CaseOutcome: String, DomainCode {
    public static let fieldName = "outcome"
    /// The person was reached and the matter settled (enrolled, renewed, confirmed…).
    case settled = "SETTLED"
    case referred = "REFERRED"
    case contactedNoChange = "CONTACTED_NO_CHANGE"
    case unreachable = "UNREACHABLE"
    case notApplicable = "NOT_APPLICABLE"
    case duplicate = "DUPLICATE"
    /// Resolved by the rule that raised it: the cause went away.
    case causeGone = "CAUSE_GONE"

    /// Accepts `settled` or `SETTLED`, `contacted-no-change` or `CONTACTED_NO_CHANGE`.
    public init(flag text: String) throws {
        try self.init(code: String(text.uppercased().map { $0 == "-" ? "_" : $0 }))
    }
}

/// 1 is the most urgent.
public enum CasePriority: Int, Sendable, Codable, CaseIterable, Comparable {
    case urgent = 1, high = 2, normal = 3, low = 4

    public init(flag text: String) throws {
        switch text.lowercased() {
        case "1", "urgent": self = .urgent
        case "2", "high": self = .high
        case "3", "normal": self = .normal
        case "4", "low": self = .low
        default:
            throw ValidationError(field: "priority", value: text, reason: "must be urgent, high, normal or low (1–4)")
        }
    }

    public var label: String {
        switch self {
        case .urgent: "urgent"
        case .high: "high"
        case .normal: "normal"
        case .low: "low"
        }
    }

    public static func < (a: CasePriority, b: CasePriority) -> Bool { a.rawValue < b.rawValue }
}
