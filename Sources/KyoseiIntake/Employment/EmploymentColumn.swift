/// The employment report's columns (`formats.md` §3).
public enum EmploymentColumn: Int, FileColumn {
    case reportType, reportDate, employerID, establishmentName, establishmentAddress
    case residenceCardNumber, nameLatin, birthDate, sex, nationality
    case statusOfResidence, stayExpiryDate, otherActivityPermission, eventDate
    case employmentInsurance, weeklyHours, dispatched, occupation

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
        }
    }

    public var requirement: ColumnRequirement {
        switch self {
        case .stayExpiryDate, .occupation: .optional
        case .statusOfResidence: .conditional("always: a SPECIAL_PERMANENT resident, who has no status, is never reported")
        default: .required
        }
    }
}
