import KyoseiDomain

/// One resident of the sample city as the register export describes them: every column of a
/// register row, typed, plus the structured name (for katakana variants) and the keys the
/// generator needs to rebuild or change the person later.
public struct SampleResident: Sendable, Hashable {
    public var personID: PersonID
    public var category: ResidentCategory
    public var cardNumber: ResidenceCardNumber?
    public var name: SampleName
    /// Whether the register holds the katakana reading (most records do, not all).
    public var kanaRegistered: Bool
    public var birthDate: LocalDate
    public var sex: Sex
    public var nationality: Nationality
    public var status: StatusOfResidence?
    public var periodOfStay: PeriodOfStay?
    public var stayExpiry: LocalDate?
    public var householdID: HouseholdID
    public var relationship: Relationship
    /// `NNN-NNNN`.
    public var postalCode: String
    /// Full Japanese address; a few hold a comma, a quote or a line break.
    public var address: String
    /// `D01` … `D12`.
    public var districtCode: String
    public var residentSince: LocalDate

    /// Index of the household in the generator, and the member's slot in it.
    let householdIndex: Int
    let slot: Int
    /// How many cards the person has been issued before the current one.
    var cardGeneration: Int

    public var nameLatin: String { name.latin }
    public var nameKanji: String? { name.kanji }
    public var commonName: String? { name.commonName }
    public var nameKana: String? { kanaRegistered ? name.kana : nil }

    /// The katakana a partner system would write for this person, drawn from a seed: see
    /// `PartnerKanaStyle.random(seed:)`.
    public func partnerKana(seed: UInt64) -> String {
        name.partnerKana(.random(seed: seed ^ UInt64(bitPattern: Int64(personID.rawValue) ?? 0)))
    }
}
