import KyoseiDomain

/// How sure the resolver must be before it links, per source: what a wrong link costs differs.
enum IdentityPolicy: Sendable, CaseIterable {
    /// Register walk-ins: a merge cannot be undone cleanly, so only decisive evidence links (the
    /// same card, or the same Latin name, birth date, sex and nationality on exactly one walk-in
    /// when no card disagrees); anything close goes to a person.
    case strict
    /// Insurance and school rosters: Fellegi–Sunter scores across scripts with the roster's own
    /// weights (`IdentityIndex`); a close runner-up or a weak name goes to a person.
    case scored
    /// Employment notifications: the residence card decides, if the holder's birth date and sex
    /// agree (or a person decided this card, birth date and sex before); otherwise a person decides.
    case cardFirst

    init(_ source: ReviewSource) {
        switch source {
        case .register: self = .strict
        case .insurance, .school: self = .scored
        case .employment, .attendance: self = .cardFirst
        }
    }
}
