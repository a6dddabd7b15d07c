import KyoseiDomain

/// What a service call can refuse with. Each case maps to one documented exit code, so the
/// CLI and the nightly script can tell a typo from a permission problem from a bad file.
public enum ServiceError: Error, Equatable, CustomStringConvertible {
    /// A value failed its rule (exit 1).
    case invalid(ValidationError)
    /// A usage problem that is not one value, or a record that does not exist (exit 1).
    case notFound(String)
    case usage(String)
    /// The request is well formed but the record's state does not allow it: a case that cannot
    /// move that way, a login that is already staff (exit 1).
    case conflict(String)
    /// The OS login is not staff, is disabled, or its role lacks the permission (exit 2).
    case refused(String)
    /// A file or data set was refused whole (exit 3).
    case dataRefused(String)
    /// The database is not in a state Kyosei can work with (exit 4).
    case internalFailure(String)

    public var description: String {
        switch self {
        case .invalid(let e): e.description.prefix(1).uppercased() + e.description.dropFirst() + "."
        case .notFound(let m), .usage(let m), .conflict(let m), .refused(let m), .dataRefused(let m), .internalFailure(let m): m
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .invalid, .notFound, .usage, .conflict: 1
        case .refused: 2
        case .dataRefused: 3
        case .internalFailure: 4
        }
    }
}
