import KyoseiDomain

/// Someone the city serves who is not in the register when the first snapshot is taken: an
/// overstayer or a walk-in at the counter, as staff would enter them (the fields are the
/// validated values a resident draft takes).
public struct WalkIn: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Stays off the register.
        case overstayer
        /// Registers later: the changed snapshot lists them (as `registeredAs`), with the same
        /// name, birth date, sex and nationality, and the same card number where they had one.
        case laterRegistered
        /// Same name, birth date, sex and nationality as both people of the ambiguous pair:
        /// a matcher must send them to review, never pick one.
        case ambiguous
        /// Same surname, birth date, sex and nationality as one resident, another given name:
        /// a hard negative that must not be matched.
        case lookalike
    }

    public let kind: Kind
    public let nameLatin: String
    /// Katakana as the clerk wrote it at the counter.
    public let nameKana: String
    public let birthDate: LocalDate
    public let sex: Sex
    public let nationality: Nationality
    /// An expired card some overstayers still carry.
    public let cardNumber: ResidenceCardNumber?
    public let postalCode: PostalCode
    public let address: String
    public let districtCode: DistrictCode
    /// The person id the changed snapshot lists them under (`laterRegistered` only).
    public let registeredAs: PersonID?
    /// Register residents this walk-in resembles (`ambiguous`, `lookalike`).
    public let resembles: [PersonID]
}
