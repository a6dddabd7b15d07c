import KyoseiDomain

/// One person's record in a register export, typed. A delta row carries the full record as it
/// stands after `event`.
public struct RegisterRow: Sendable, Hashable {
    public var personID: PersonID
    public var municipalityCode: MunicipalityCode
    public var category: ResidentCategory
    public var cardNumber: ResidenceCardNumber?
    public var nameLatin: String
    public var nameKanji: String?
    public var commonName: String?
    public var nameKana: String?
    public var birthDate: LocalDate
    public var sex: Sex
    public var nationality: Nationality
    public var status: StatusOfResidence?
    public var periodOfStay: PeriodOfStay?
    public var stayExpiry: LocalDate?
    public var householdID: HouseholdID
    public var relationship: Relationship
    public var postalCode: PostalCode
    public var address: String
    public var districtCode: DistrictCode
    public var residentSince: LocalDate
    /// Delta rows only.
    public var event: RegisterEvent?
    public var eventDate: LocalDate?

    public init(
        personID: PersonID, municipalityCode: MunicipalityCode, category: ResidentCategory, cardNumber: ResidenceCardNumber?,
        nameLatin: String, nameKanji: String?, commonName: String?, nameKana: String?,
        birthDate: LocalDate, sex: Sex, nationality: Nationality,
        status: StatusOfResidence?, periodOfStay: PeriodOfStay?, stayExpiry: LocalDate?,
        householdID: HouseholdID, relationship: Relationship, postalCode: PostalCode, address: String,
        districtCode: DistrictCode, residentSince: LocalDate, event: RegisterEvent?, eventDate: LocalDate?
    ) {
        self.personID = personID
        self.municipalityCode = municipalityCode
        self.category = category
        self.cardNumber = cardNumber
        self.nameLatin = nameLatin
        self.nameKanji = nameKanji
        self.commonName = commonName
        self.nameKana = nameKana
        self.birthDate = birthDate
        self.sex = sex
        self.nationality = nationality
        self.status = status
        self.periodOfStay = periodOfStay
        self.stayExpiry = stayExpiry
        self.householdID = householdID
        self.relationship = relationship
        self.postalCode = postalCode
        self.address = address
        self.districtCode = districtCode
        self.residentSince = residentSince
        self.event = event
        self.eventDate = eventDate
    }
}
