/// The register export's header, exactly as `formats.md` §1 lists it.
public enum RegisterColumns {
    public static let snapshot = [
        "person_id", "municipality_code", "resident_category", "residence_card_number", "name_latin", "name_kanji",
        "common_name", "name_kana", "birth_date", "sex", "nationality", "status_of_residence", "period_of_stay",
        "stay_expiry_date", "household_id", "relationship", "postal_code", "address", "district_code",
        "resident_since",
    ]

    public static let delta = snapshot + ["event", "event_date"]

    static func index(_ column: String) -> Int {
        guard let index = delta.firstIndex(of: column) else { preconditionFailure("unknown register column \(column)") }
        return index
    }
}
