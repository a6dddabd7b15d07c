/// The insurance roster's columns (`formats.md` §2).
public enum InsuranceColumn: Int, FileColumn {
    case scheme, insurerNumber, memberNumber, memberType, nameKana, birthDate, sex
    case residenceCardNumber, enrolledFrom, enrolledUntil, agreementExempt

    public var name: String {
        switch self {
        case .scheme: "scheme"
        case .insurerNumber: "insurer_number"
        case .memberNumber: "member_number"
        case .memberType: "member_type"
        case .nameKana: "name_kana"
        case .birthDate: "birth_date"
        case .sex: "sex"
        case .residenceCardNumber: "residence_card_number"
        case .enrolledFrom: "enrolled_from"
        case .enrolledUntil: "enrolled_until"
        case .agreementExempt: "agreement_exempt"
        }
    }

    public var requirement: ColumnRequirement {
        switch self {
        case .residenceCardNumber, .enrolledUntil, .agreementExempt: .optional
        default: .required
        }
    }
}
