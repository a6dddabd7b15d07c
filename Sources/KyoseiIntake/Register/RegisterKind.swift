import KyoseiDomain

/// The national register export (`formats.md` §1). Built from the export's manifest: the
/// manifest says whether the file is a snapshot or a delta (which decides the columns), which
/// city it is for, the date statuses are judged on, and the hash and row count the file must have.
public struct RegisterKind: FileKind {
    public typealias Column = RegisterColumn
    public let manifest: RegisterManifest

    public init(manifest: RegisterManifest) {
        self.manifest = manifest
    }

    public var name: String { "register \(manifest.kind.rawValue)" }

    public var columns: [RegisterColumn] {
        manifest.kind == .delta ? RegisterColumn.allCases : RegisterColumn.allCases.filter { !$0.isDeltaOnly }
    }

    public var expectedRowCount: Int? { manifest.rowCount }

    /// The file must be the one the manifest describes: same city, same sequence, same bytes.
    public func checkFile(_ scan: FileScan) throws(IntakeError) {
        guard case let .register(municipality, sequence) = try IntakeFileName(scan.fileName) else {
            throw IntakeError(file: scan.fileName, reason: "is not named REG-<municipality>-<sequence>.csv")
        }
        guard municipality == manifest.municipalityCode else {
            throw IntakeError(
                file: scan.fileName,
                reason: "the file name says municipality \(municipality), the manifest says \(manifest.municipalityCode)")
        }
        guard sequence == manifest.sequence else {
            throw IntakeError(file: scan.fileName, reason: "the file name says sequence \(sequence), the manifest says \(manifest.sequence)")
        }
        guard scan.sha256 == manifest.sha256 else {
            throw IntakeError(
                file: scan.fileName,
                reason: "sha256 does not match the manifest (file \(scan.sha256.prefix(8))…, manifest \(manifest.sha256.prefix(8))…)")
        }
    }

    public func row(from r: inout RowReader<RegisterColumn>) -> RegisterRow? {
        let asOf = manifest.asOfDate
        let personID = r.parse(.personID) { try PersonID($0) }
        let municipality = r.parse(.municipalityCode) { try MunicipalityCode($0) }
        if let municipality, municipality != manifest.municipalityCode {
            r.reject(.municipalityCode, reason: "municipality_code \(municipality): differs from the manifest's \(manifest.municipalityCode)")
        }
        let category = r.parse(.residentCategory) { try ResidentCategory(code: $0) }
        let card = r.parse(.residenceCardNumber) { try ResidenceCardNumber($0) }
        if let category, category.requiresCardNumber, r.isEmpty(.residenceCardNumber) {
            r.reject(.residenceCardNumber, reason: "residence_card_number: is required for \(category)")
        }
        let nameLatin = r.parse(.nameLatin, FieldFormat.upperCaseLatinName)
        let nameKana = r.parse(.nameKana, FieldFormat.katakanaName)
        let birthDate = r.parse(.birthDate) { try LocalDate($0) }
        let sex = r.parse(.sex) { try Sex(code: $0) }
        let nationality = r.parse(.nationality) { try Nationality($0) }
        let stay = residence(&r, category: category, asOf: asOf)
        let householdID = r.parse(.householdID) { try HouseholdID($0) }
        let relationship = r.parse(.relationship) { try Relationship(code: $0) }
        let postalCode = r.parse(.postalCode) { try PostalCode($0) }
        let districtCode = r.parse(.districtCode) { try DistrictCode($0) }
        let residentSince = r.parse(.residentSince) { try LocalDate($0) }
        let event = r.parse(.event) { try RegisterEvent(code: $0) }
        let eventDate = r.parse(.eventDate) { try LocalDate($0) }

        if let birthDate, asOf < birthDate {
            r.reject(.birthDate, reason: "birth_date \(birthDate): is after the export's date \(asOf)")
        }
        if let residentSince {
            if let birthDate, residentSince < birthDate {
                r.reject(.residentSince, .birthDate, reason: "resident_since \(residentSince): is before birth_date \(birthDate)")
            }
            if asOf < residentSince {
                r.reject(.residentSince, reason: "resident_since \(residentSince): is after the export's date \(asOf)")
            }
        }
        if let eventDate, asOf < eventDate {
            r.reject(.eventDate, reason: "event_date \(eventDate): is after the export's date \(asOf)")
        }

        guard !r.hasProblems, let personID, let municipality, let category, let nameLatin, let birthDate, let sex,
              let nationality, let householdID, let relationship, let postalCode, let districtCode, let residentSince
        else { return nil }
        return RegisterRow(
            personID: personID, municipalityCode: municipality, category: category, cardNumber: card,
            nameLatin: nameLatin, nameKanji: r.text(.nameKanji), commonName: r.text(.commonName), nameKana: nameKana,
            birthDate: birthDate, sex: sex, nationality: nationality,
            status: stay.status, periodOfStay: stay.period, stayExpiry: stay.expiry,
            householdID: householdID, relationship: relationship, postalCode: postalCode, address: r[.address],
            districtCode: districtCode, residentSince: residentSince, event: event, eventDate: eventDate)
    }

    /// Status, period and expiry, which hang together: only mid- to long-term residents hold a
    /// status, they must hold all three, except that a Permanent Resident's stay never expires.
    private func residence(
        _ r: inout RowReader<RegisterColumn>, category: ResidentCategory?, asOf: LocalDate
    ) -> (status: StatusOfResidence?, period: PeriodOfStay?, expiry: LocalDate?) {
        let period = r.parse(.periodOfStay) { try PeriodOfStay($0) }
        let expiry = r.parse(.stayExpiryDate) { try LocalDate($0) }
        guard let category else {
            return (r.parse(.statusOfResidence) { try StatusOfResidence(code: $0) }, period, expiry)
        }
        guard category.requiresStatusOfResidence else {
            if !r.isEmpty(.statusOfResidence) {
                r.reject(
                    .statusOfResidence,
                    reason: "status_of_residence \(r[.statusOfResidence]): must be empty for \(category) (only MID_LONG_TERM residents hold a status of residence)")
            }
            return (nil, period, expiry)
        }
        let status = r.parse(.statusOfResidence) { try StatusOfResidence.validated($0, on: asOf) }
        if r.isEmpty(.statusOfResidence) {
            r.reject(.statusOfResidence, reason: "status_of_residence: is required for \(category)")
        }
        if let status, !status.mayBeRegistered {
            r.reject(.statusOfResidence, reason: "status_of_residence \(status): a \(status.englishName) is never in the resident register")
        }
        if r.isEmpty(.periodOfStay) {
            r.reject(.periodOfStay, reason: "period_of_stay: is required for \(category)")
        }
        if status == .permanent {
            if let period, period != .indefinite {
                r.reject(.periodOfStay, .statusOfResidence, reason: "period_of_stay \(period): must be INDEFINITE for PERMANENT")
            }
            if let expiry {
                r.reject(.stayExpiryDate, .statusOfResidence, reason: "stay_expiry_date \(expiry): must be empty for PERMANENT (the stay does not expire)")
            }
        } else if r.isEmpty(.stayExpiryDate) {
            r.reject(.stayExpiryDate, reason: "stay_expiry_date: is required for \(category) unless the status is PERMANENT")
        }
        return (status, period, expiry)
    }
}
