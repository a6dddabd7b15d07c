import KyoseiDomain

/// A resident as the fields of one register row, in `RegisterColumns` order. Kept as strings
/// so that a row fault can put in exactly the bad text a test expects to be rejected.
enum RegisterRow {
    static func fields(_ resident: SampleResident, municipality: MunicipalityCode,
                       event: RegisterEvent? = nil, eventDate: LocalDate? = nil) -> [String] {
        var fields: [String] = [
            resident.personID.rawValue,
            municipality.rawValue,
            resident.category.rawValue,
            resident.cardNumber?.rawValue ?? "",
            resident.nameLatin,
            resident.nameKanji ?? "",
            resident.commonName ?? "",
            resident.nameKana ?? "",
            resident.birthDate.description,
            resident.sex.rawValue,
            resident.nationality.rawValue,
            resident.status?.rawValue ?? "",
            resident.periodOfStay?.description ?? "",
            resident.stayExpiry?.description ?? "",
            resident.householdID.rawValue,
            resident.relationship.rawValue,
            resident.postalCode,
            resident.address,
            resident.districtCode,
            resident.residentSince.description,
        ]
        if let event {
            fields.append(event.rawValue)
            fields.append(eventDate?.description ?? "")
        }
        return fields
    }
}
