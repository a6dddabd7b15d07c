import KyoseiDomain

/// One row of a synthetic partner roster (insurance, school or employment) with the truth a
/// matcher is measured against.
public struct PartnerRosterRow: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A resident as a partner writes them (`PartnerKanaStyle.random`), sometimes with card.
        case resident
        /// A resident whose birth day is wrong, or whose day and month are swapped.
        case wrongDate
        /// A resident's row carrying a card number that is not theirs.
        case conflictingCard
        /// A resident's row in Latin letters with their card, as an employment report has it.
        case latinWithCard
        /// A resident's twin (see `SampleCity.partnerTwin(of:)`).
        case twin
        /// Not a resident: same family name, birth date and sex as one, another given name.
        case lookalike
        /// Not a resident: someone from outside the city.
        case stranger
    }

    public let kind: Kind
    public let nameKana: String?
    public let nameLatin: String?
    public let birthDate: LocalDate
    public let sex: Sex
    public let cardNumber: ResidenceCardNumber?
    /// The resident (or twin) the row belongs to; nil for people who are not residents.
    public let personID: PersonID?
}
