/// The employment report's columns (`formats.md` §3).
public enum EmploymentColumn: Int, FileColumn {
    case reportType, reportDate, employerID, establishmentName, establishmentAddress
    case residenceCardNumber, nameLatin, birthDate, sex, nationality
    case statusOfResidence, stayExpiryDate, otherActivityPermission, eventDate
    case employmentInsurance, weeklyHours, dispatched, occupation
    case contractEnd, contractRenewable

    public var name: String {
        switch self {
        case .reportType: "report_type"
        case .reportDate: "report_date"
        case .employerID: "employer_id"
        case .establishmentName: "establishment_name"
        case .establishmentAddress: "establishment_address"
        case .residenceCardNumber: "residence_card_number"
        case .nameLatin: "name_latin"
        case .birthDate: "birth_date"
        case .sex: "sex"
        case .nationality: "nationality"
        case .statusOfResidence: "status_of_residence"
        case .stayExpiryDate: "stay_expiry_date"
        case .otherActivityPermission: "other_activity_permission"
        case .eventDate: "event_date"
        case .employmentInsurance: "employment_insurance"
        case .weeklyHours: "weekly_hours"
        case .dispatched: "dispatched"
        case .occupation: "occupation"
        case .contractEnd: "contract_end"
        case .contractRenewable: "contract_renewable"
        }
    }

    public var requirement: ColumnRequirement {
        switch self {
        case .stayExpiryDate, .occupation, .contractEnd: .optional
        case .contractRenewable: .conditional("when contract_end is given")
        case .statusOfResidence: .conditional("always: a SPECIAL_PERMANENT resident, who has no status, is never reported")
        default: .required
        }
    }

    /// The contract term came after the format: employment insurance's 31-day expectation and
    /// the employer insurances' two months need it, and an employer's export without it stays
    /// valid (the rules then take the employment as expected to last).
    public var mayBeAbsent: Bool { self == .contractEnd || self == .contractRenewable }
}
