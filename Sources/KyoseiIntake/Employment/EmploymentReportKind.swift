import KyoseiDomain

/// Foreign-worker hire and separation notifications (`formats.md` §3). Whether the work was
/// allowed is a rule for the rules engine, not a reason to reject: a report is evidence either way.
public struct EmploymentReportKind: FileKind {
    public typealias Column = EmploymentColumn

    public init() {}

    public var name: String { "employment report" }

    public func row(from r: inout RowReader<EmploymentColumn>) -> EmploymentReportRow? {
        let reportType = r.parse(.reportType) { try EmploymentReportType(code: $0) }
        let reportDate = r.parse(.reportDate) { try LocalDate($0) }
        let employerID = r.parse(.employerID) { try EmployerID($0) }
        let card = r.parse(.residenceCardNumber) { try ResidenceCardNumber($0) }
        let birthDate = r.parse(.birthDate) { try LocalDate($0) }
        let sex = r.parse(.sex) { try Sex(code: $0) }
        let nationality = r.parse(.nationality) { try Nationality($0) }
        let expiry = r.parse(.stayExpiryDate) { try LocalDate($0) }
        let permission = r.parse(.otherActivityPermission, FieldFormat.yesNo)
        let eventDate = r.parse(.eventDate) { try LocalDate($0) }
        let insured = r.parse(.employmentInsurance, FieldFormat.yesNo)
        let hours = r.parse(.weeklyHours, Self.weeklyHours)
        let dispatched = r.parse(.dispatched, FieldFormat.yesNo)
        let status = status(&r, on: eventDate)
        let contractEnd = r.parse(.contractEnd) { try LocalDate($0) }
        let renewable = r.parse(.contractRenewable, FieldFormat.yesNo)
        if let contractEnd, let eventDate, reportType == .hire, contractEnd < eventDate {
            r.reject(.contractEnd, .eventDate, reason: "contract_end \(contractEnd): is before the hire on \(eventDate)")
        }
        if contractEnd != nil, r.isEmpty(.contractRenewable) {
            r.reject(.contractRenewable, reason: "contract_renewable: is required when contract_end is given (Y if the contract says it may be renewed)")
        }
        if contractEnd == nil, renewable != nil {
            r.reject(.contractRenewable, reason: "contract_renewable: is given without a contract_end")
        }
        guard !r.hasProblems, let reportType, let reportDate, let employerID, let card, let birthDate, let sex,
              let nationality, let status, let permission, let eventDate, let insured, let hours, let dispatched
        else { return nil }
        return EmploymentReportRow(
            reportType: reportType, reportDate: reportDate, employerID: employerID,
            establishmentName: r[.establishmentName], establishmentAddress: r[.establishmentAddress], cardNumber: card,
            nameLatin: r[.nameLatin], birthDate: birthDate, sex: sex, nationality: nationality,
            status: status, stayExpiry: expiry, otherActivityPermission: permission, eventDate: eventDate,
            employmentInsurance: insured, weeklyHours: hours, dispatched: dispatched, occupation: r.text(.occupation),
            contractEnd: contractEnd, contractRenewable: renewable ?? false)
    }

    /// An empty status is how a Special Permanent Resident would appear, and they must not be
    /// reported at all; a status is judged on the event's date (ESD exists only from 2027-04-01).
    private func status(_ r: inout RowReader<EmploymentColumn>, on date: LocalDate?) -> StatusOfResidence? {
        switch r[.statusOfResidence] {
        case "":
            r.reject(
                .statusOfResidence,
                reason: "status_of_residence: is required (a Special Permanent Resident, who has none, must not be reported)")
            return nil
        case ResidentCategory.specialPermanent.rawValue:
            r.reject(.statusOfResidence, reason: "status_of_residence SPECIAL_PERMANENT: Special Permanent Residents must not be reported")
            return nil
        default:
            if let date { return r.parse(.statusOfResidence) { try StatusOfResidence.validated($0, on: date) } }
            return r.parse(.statusOfResidence) { try StatusOfResidence(code: $0) }
        }
    }

    /// Contracted hours as a decimal with at most two places, at most the 168 hours of a week.
    static func weeklyHours(_ text: String) throws -> Double {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count == 2 ? String(parts[1]) : "0"
        guard parts.count <= 2, whole.isASCIIDigits, whole.utf8.count <= 3, fraction.isASCIIDigits, fraction.utf8.count <= 2,
              let hours = Double(text), hours <= 168
        else {
            throw ValidationError(field: "weekly hours", value: text, reason: "must be hours a week as a decimal such as 40 or 27.5, at most 168")
        }
        return hours
    }
}
