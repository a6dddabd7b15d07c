import GRDB
import KyoseiDomain

/// A person known to the city: the register's data plus what the city learns itself.
public struct ResidentRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "resident"

    public var id: Int64?
    public var personID: PersonID?
    public var registerState: RegisterState
    public var residentCategory: ResidentCategory?
    public var residenceCardNumber: ResidenceCardNumber?
    public var nameLatin: String
    public var nameKanji: String?
    public var commonName: String?
    public var nameKana: String?
    public var birthDate: LocalDate
    public var sex: Sex
    public var nationality: Nationality
    public var statusOfResidence: StatusOfResidence?
    public var periodOfStay: PeriodOfStay?
    public var stayExpiryDate: LocalDate?
    public var householdID: HouseholdID?
    public var relationship: Relationship?
    public var postalCode: PostalCode?
    public var address: String?
    public var districtCode: DistrictCode?
    public var residentSince: LocalDate?
    public var searchLatin: String
    public var searchJapanese: String
    /// The register export that last changed this person; an older row must not undo it.
    public var registerSequence: Int?
    public var createdAt: String
    public var updatedAt: String

    public init(
        id: Int64? = nil, personID: PersonID?, registerState: RegisterState, residentCategory: ResidentCategory?,
        residenceCardNumber: ResidenceCardNumber?, nameLatin: String, nameKanji: String? = nil,
        commonName: String? = nil, nameKana: String? = nil, birthDate: LocalDate, sex: Sex,
        nationality: Nationality, statusOfResidence: StatusOfResidence? = nil, periodOfStay: PeriodOfStay? = nil,
        stayExpiryDate: LocalDate? = nil, householdID: HouseholdID? = nil, relationship: Relationship? = nil,
        postalCode: PostalCode? = nil, address: String? = nil, districtCode: DistrictCode? = nil,
        residentSince: LocalDate? = nil, searchLatin: String = "", searchJapanese: String = "",
        registerSequence: Int? = nil, createdAt: String, updatedAt: String
    ) {
        self.id = id
        self.personID = personID
        self.registerState = registerState
        self.residentCategory = residentCategory
        self.residenceCardNumber = residenceCardNumber
        self.nameLatin = nameLatin
        self.nameKanji = nameKanji
        self.commonName = commonName
        self.nameKana = nameKana
        self.birthDate = birthDate
        self.sex = sex
        self.nationality = nationality
        self.statusOfResidence = statusOfResidence
        self.periodOfStay = periodOfStay
        self.stayExpiryDate = stayExpiryDate
        self.householdID = householdID
        self.relationship = relationship
        self.postalCode = postalCode
        self.address = address
        self.districtCode = districtCode
        self.residentSince = residentSince
        self.searchLatin = searchLatin
        self.searchJapanese = searchJapanese
        self.registerSequence = registerSequence
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id
        case personID = "person_id"
        case registerState = "register_state"
        case residentCategory = "resident_category"
        case residenceCardNumber = "residence_card_number"
        case nameLatin = "name_latin"
        case nameKanji = "name_kanji"
        case commonName = "common_name"
        case nameKana = "name_kana"
        case birthDate = "birth_date"
        case sex
        case nationality
        case statusOfResidence = "status_of_residence"
        case periodOfStay = "period_of_stay"
        case stayExpiryDate = "stay_expiry_date"
        case householdID = "household_id"
        case relationship
        case postalCode = "postal_code"
        case address
        case districtCode = "district_code"
        case residentSince = "resident_since"
        case searchLatin = "search_latin"
        case searchJapanese = "search_japanese"
        case registerSequence = "register_sequence"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Kyosei's own reference for the person, shown to staff and accepted back: `K<id>`.
    public var reference: String { id.map { "K\($0)" } ?? "K?" }

    /// The fields history tracks, as text, in a fixed order (`trackedColumns`): comparing two
    /// versions of a record field by field gives the rows of its history.
    public var trackedFields: [(key: String, value: String?)] {
        var fields: [(key: String, value: String?)] = []
        fields.reserveCapacity(Self.trackedColumns.count)
        forEachTrackedValue { fields.append((Self.trackedColumns[fields.count], $0)) }
        return fields
    }

    /// The tracked fields' values in `trackedColumns`' order, handed over one by one: a second
    /// snapshot digests a million records, and gathering each record's values first (an array
    /// made and freed per row) was a fifth of the writer's work.
    func forEachTrackedValue(_ body: (String?) -> Void) {
        body(personID?.rawValue)
        body(registerState.rawValue)
        body(residentCategory?.rawValue)
        body(residenceCardNumber?.rawValue)
        body(nameLatin)
        body(nameKanji)
        body(commonName)
        body(nameKana)
        body(birthDate.description)
        body(sex.rawValue)
        body(nationality.rawValue)
        body(statusOfResidence?.rawValue)
        body(periodOfStay?.description)
        body(stayExpiryDate?.description)
        body(householdID?.rawValue)
        body(relationship?.rawValue)
        body(postalCode?.rawValue)
        body(address)
        body(districtCode?.rawValue)
        body(residentSince?.description)
    }

    /// A new record's first values as `field=value` pairs, held by its one `(created)` history
    /// row: creating a million residents from a snapshot costs a million history rows, not
    /// twenty million, and the history still says what the record was on the day it came.
    ///
    /// Built as bytes: a first snapshot works out a million of them, and as interpolated pairs
    /// joined (or as `String` appends) they were a fifth of a new resident's Swift work.
    public var creationSummary: String {
        var summary: [UInt8] = []
        summary.reserveCapacity(320)
        for (field, value) in trackedFields {
            guard let value else { continue }
            if !summary.isEmpty { summary.append(contentsOf: "; ".utf8) }
            summary.append(contentsOf: field.utf8)
            summary.append(UInt8(ascii: "="))
            summary.append(contentsOf: value.utf8)
        }
        return String(decoding: summary, as: UTF8.self)
    }

    /// Field-by-field differences from `old` to `self`, in `trackedFields` order.
    public func changes(from old: ResidentRecord) -> [(field: String, old: String?, new: String?)] {
        zip(old.trackedFields, trackedFields).compactMap { before, after in
            before.value == after.value ? nil : (after.key, before.value, after.value)
        }
    }
}

extension DerivableRequest<ResidentRecord> {
    public func filter(personID: PersonID) -> Self { filter(Column("person_id") == personID.rawValue) }
    public func filter(cardNumber: ResidenceCardNumber) -> Self {
        filter(Column("residence_card_number") == cardNumber.rawValue)
    }
    public func filter(householdID: HouseholdID) -> Self { filter(Column("household_id") == householdID.rawValue) }
    public func filter(state: RegisterState) -> Self { filter(Column("register_state") == state.rawValue) }
    public func filter(district: DistrictCode) -> Self { filter(Column("district_code") == district.rawValue) }
    public func filter(nationality: Nationality) -> Self { filter(Column("nationality") == nationality.rawValue) }
    public func filter(birthDate: LocalDate) -> Self { filter(Column("birth_date") == birthDate.description) }
    public func orderedByID() -> Self { order(Column("id")) }
}
