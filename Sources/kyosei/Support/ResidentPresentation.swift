import KyoseiAPI
import KyoseiDomain

/// How a resident is shown at a terminal: names as the register writes them, an empty cell
/// where the record has no value. `--json` prints the API's own objects.
enum ResidentPresentation {
    typealias Resident = Components.Schemas.Resident

    static let listHeader = ["ID", "PERSON ID", "STATE", "NAME", "KANA/KANJI", "BORN", "NAT", "STATUS", "EXPIRY", "DISTRICT"]

    static func listRow(_ r: Resident) -> [String] {
        [r.reference, r.personId ?? "", r.registerState, r.nameLatin, r.nameKana ?? r.nameKanji ?? "", r.birthDate,
         r.nationality, r.statusOfResidence ?? "", r.stayExpiryDate ?? "", r.districtCode ?? ""]
    }

    static func detail(_ r: Resident) -> [(String, String)] {
        let sex = switch r.sex { case "1": "male"; case "2": "female"; default: "not stated" }
        return [
            ("Kyosei id", r.reference), ("Person id", r.personId ?? ""),
            ("Register state", r.registerState), ("Category", r.residentCategory ?? ""),
            ("Name", r.nameLatin), ("Kanji name", r.nameKanji ?? ""), ("Common name", r.commonName ?? ""),
            ("Katakana", r.nameKana ?? ""), ("Born", r.birthDate), ("Sex", sex),
            ("Nationality", r.nationality), ("Card number", r.residenceCardNumber ?? ""),
            ("Status", r.statusOfResidence.map { code in
                "\(code)" + (StatusOfResidence(rawValue: code).map { " (\($0.englishName))" } ?? "")
            } ?? ""),
            ("Period of stay", r.periodOfStay ?? ""), ("Stay expires", r.stayExpiryDate ?? ""),
            ("Household", r.householdId.map { "\($0) (\(r.relationship ?? "?"))" } ?? ""),
            ("Address", [r.postalCode, r.address].compactMap { $0 }.joined(separator: " ")),
            ("District", r.districtCode ?? ""), ("Resident since", r.residentSince ?? ""),
        ]
    }
}
