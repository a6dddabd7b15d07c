/// Whether an insurance applies to a person on a date, with the reason in a plain sentence for
/// staff and the sources of the rules that decided it. `undetermined` names what is missing, so
/// the service can ask staff for the fact instead of raising a case on a guess.
public struct Applicability: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable {
        case applies = "APPLIES"
        case doesNotApply = "DOES_NOT_APPLY"
        case undetermined = "UNDETERMINED"
    }

    public let outcome: Outcome
    public let reason: String
    public let sources: [String]
    /// A rule that decided it is marked for the city's review.
    public let forCityReview: Bool

    public init(_ outcome: Outcome, _ reason: String, sources: [String], forCityReview: Bool = false) {
        self.outcome = outcome
        self.reason = reason
        self.sources = sources
        self.forCityReview = forCityReview
    }

    public var applies: Bool { outcome == .applies }
}
