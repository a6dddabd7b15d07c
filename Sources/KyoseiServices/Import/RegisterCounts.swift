/// What a register export did to the residents.
public struct RegisterCounts: Sendable, Encodable, Equatable {
    public var sequence: Int?
    /// `snapshot` or `delta`, from the manifest.
    public var kind: String?
    /// Residents created, changed, left unchanged, linked to a walk-in, marked LEFT_REGISTER.
    public var created = 0
    public var changed = 0
    public var unchanged = 0
    public var linked = 0
    public var leftRegister = 0
    public var identityReviews = 0
    /// Rows per delta event (snapshot rows count under `SNAPSHOT`).
    public var events: [String: Int] = [:]
    /// Rows per register state the residents were left in.
    public var states: [String: Int] = [:]

    public init(sequence: Int? = nil, kind: String? = nil) {
        self.sequence = sequence
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case sequence, kind, created, changed, unchanged, linked, events, states
        case leftRegister = "left_register"
        case identityReviews = "identity_reviews"
    }
}
