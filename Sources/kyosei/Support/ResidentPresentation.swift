import KyoseiStore

/// How a resident is shown: names as the register writes them, empty string for no value, the
/// same keys in `--json` as in the register export so a script can rely on them.
enum ResidentPresentation {
    static func json(_ r: ResidentRecord) -> [String: String] {
        [
            "kyosei_id": r.reference,
            "person_id": r.personID?.rawValue ?? "",
            "register_state": r.registerState.rawValue,
            "resident_category": r.residentCategory?.rawValue ?? "",
            "residence_card_number": r.residenceCardNumber?.rawValue ?? "",
            "name_latin": r.nameLatin,
            "name_kanji": r.nameKanji ?? "",
            "common_name": r.commonName ?? "",
            "name_kana": r.nameKana ?? "",
            "birth_date": r.birthDate.description,
            "sex": r.sex.rawValue,
            "nationality": r.nationality.rawValue,
            "status_of_residence": r.statusOfResidence?.rawValue ?? "",
            "period_of_stay": r.periodOfStay?.description ?? "",
            "stay_expiry_date": r.stayExpiryDate?.description ?? "",
            "household_id": r.householdID?.rawValue ?? "",
            "relationship": r.relationship?.rawValue ?? "",
            "postal_code": r.postalCode?.rawValue ?? "",
            "address": r.address ?? "",
            "district_code": r.districtCode?.rawValue ?? "",
            "resident_since": r.residentSince?.description ?? "",
        ]
    }

    static let listHeader = ["ID", "PERSON ID", "STATE", "NAME", "KANA/KANJI", "BORN", "NAT", "STATUS", "EXPIRY", "DISTRICT"]

    static func listRow(_ r: ResidentRecord) -> [String] {
        [r.reference, r.personID?.rawValue ?? "", r.registerState.rawValue, r.nameLatin,
         r.nameKana ?? r.nameKanji ?? "", r.birthDate.description, r.nationality.rawValue,
         r.statusOfResidence?.rawValue ?? "", r.stayExpiryDate?.description ?? "", r.districtCode?.rawValue ?? ""]
    }

    static func detail(_ r: ResidentRecord) -> [(String, String)] {
        let sex = switch r.sex { case .male: "male"; case .female: "female"; case .notStated: "not stated" }
        return [
            ("Kyosei id", r.reference), ("Person id", r.personID?.rawValue ?? ""),
            ("Register state", r.registerState.rawValue), ("Category", r.residentCategory?.rawValue ?? ""),
            ("Name", r.nameLatin), ("Kanji name", r.nameKanji ?? ""), ("Common name", r.commonName ?? ""),
            ("Katakana", r.nameKana ?? ""), ("Born", r.birthDate.description), ("Sex", sex),
            ("Nationality", r.nationality.rawValue), ("Card number", r.residenceCardNumber?.rawValue ?? ""),
            ("Status", r.statusOfResidence.map { "\($0.rawValue) (\($0.englishName))" } ?? ""),
            ("Period of stay", r.periodOfStay?.description ?? ""), ("Stay expires", r.stayExpiryDate?.description ?? ""),
            ("Household", r.householdID.map { "\($0) (\(r.relationship?.rawValue ?? "?"))" } ?? ""),
            ("Address", [r.postalCode?.rawValue, r.address].compactMap { $0 }.joined(separator: " ")),
            ("District", r.districtCode?.rawValue ?? ""), ("Resident since", r.residentSince?.description ?? ""),
        ]
    }
}
