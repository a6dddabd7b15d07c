import KyoseiDomain

/// A new person as staff enter them at the counter. Values are already validated domain
/// types; a person entered by staff is `UNREGISTERED_SERVED` until the register lists them.
public struct ResidentDraft: Sendable, Equatable {
    public var nameLatin: String
    public var nameKanji: String?
    public var commonName: String?
    public var nameKana: String?
    public var birthDate: LocalDate
    public var sex: Sex
    public var nationality: Nationality
    public var residenceCardNumber: ResidenceCardNumber?
    public var statusOfResidence: StatusOfResidence?
    public var stayExpiryDate: LocalDate?
    public var householdID: HouseholdID?
    public var relationship: Relationship?
    public var postalCode: PostalCode?
    public var address: String?
    public var districtCode: DistrictCode?

    public init(nameLatin: String, nameKanji: String? = nil, commonName: String? = nil, nameKana: String? = nil,
                birthDate: LocalDate, sex: Sex, nationality: Nationality,
                residenceCardNumber: ResidenceCardNumber? = nil, statusOfResidence: StatusOfResidence? = nil,
                stayExpiryDate: LocalDate? = nil, householdID: HouseholdID? = nil, relationship: Relationship? = nil,
                postalCode: PostalCode? = nil, address: String? = nil, districtCode: DistrictCode? = nil) {
        self.nameLatin = nameLatin
        self.nameKanji = nameKanji
        self.commonName = commonName
        self.nameKana = nameKana
        self.birthDate = birthDate
        self.sex = sex
        self.nationality = nationality
        self.residenceCardNumber = residenceCardNumber
        self.statusOfResidence = statusOfResidence
        self.stayExpiryDate = stayExpiryDate
        self.householdID = householdID
        self.relationship = relationship
        self.postalCode = postalCode
        self.address = address
        self.districtCode = districtCode
    }

    /// The register writes Latin names in upper case, family name first; staff input is brought
    /// to that form so the same person is written the same way wherever they came from.
    public static func registerLatinName(_ text: String) throws -> String {
        let name = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).joined(separator: " ").uppercased()
        guard !name.isEmpty else {
            throw ValidationError(field: "name_latin", value: text, reason: "must not be empty")
        }
        guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isUppercase || $0 == " " || $0 == "-" || $0 == "'" || $0 == ".") }) else {
            throw ValidationError(field: "name_latin", value: text, reason: "must be Latin letters as on the residence card (no accents or digits)")
        }
        return name
    }
}

/// A staff edit of some fields. A nil field is left as it is; `.some(nil)` clears it.
public struct ResidentChanges: Sendable, Equatable {
    public var nameLatin: String?
    public var nameKanji: String??
    public var commonName: String??
    public var nameKana: String??
    public var residenceCardNumber: ResidenceCardNumber??
    public var statusOfResidence: StatusOfResidence??
    public var stayExpiryDate: LocalDate??
    public var householdID: HouseholdID??
    public var relationship: Relationship??
    public var postalCode: PostalCode??
    public var address: String??
    public var districtCode: DistrictCode??

    public init() {}

    public var isEmpty: Bool { self == ResidentChanges() }
}
