/// The register export's columns (`formats.md` §1), in the format's order.
public enum RegisterColumn: Int, FileColumn {
    case personID, municipalityCode, residentCategory, residenceCardNumber
    case nameLatin, nameKanji, commonName, nameKana
    case birthDate, sex, nationality
    case statusOfResidence, periodOfStay, stayExpiryDate
    case householdID, relationship, postalCode, address, districtCode, residentSince
    case event, eventDate

    public var name: String {
        switch self {
        case .personID: "person_id"
        case .municipalityCode: "municipality_code"
        case .residentCategory: "resident_category"
        case .residenceCardNumber: "residence_card_number"
        case .nameLatin: "name_latin"
        case .nameKanji: "name_kanji"
        case .commonName: "common_name"
        case .nameKana: "name_kana"
        case .birthDate: "birth_date"
        case .sex: "sex"
        case .nationality: "nationality"
        case .statusOfResidence: "status_of_residence"
        case .periodOfStay: "period_of_stay"
        case .stayExpiryDate: "stay_expiry_date"
        case .householdID: "household_id"
        case .relationship: "relationship"
        case .postalCode: "postal_code"
        case .address: "address"
        case .districtCode: "district_code"
        case .residentSince: "resident_since"
        case .event: "event"
        case .eventDate: "event_date"
        }
    }

    public var requirement: ColumnRequirement {
        switch self {
        case .nameKanji, .commonName, .nameKana: .optional
        case .residenceCardNumber: .conditional("for MID_LONG_TERM and SPECIAL_PERMANENT")
        case .statusOfResidence, .periodOfStay: .conditional("for MID_LONG_TERM")
        case .stayExpiryDate: .conditional("for MID_LONG_TERM unless the status is PERMANENT")
        default: .required
        }
    }

    /// Only a delta carries the event that produced the row.
    public var isDeltaOnly: Bool { self == .event || self == .eventDate }
}
