/// The school roster's columns (`formats.md` §4).
public enum SchoolColumn: Int, FileColumn {
    case schoolCode, schoolName, schoolType, studentNumber, nameLatin, nameKana, birthDate, sex
    case residenceCardNumber, grade, term, daysInTerm, daysAbsent, japaneseSupport, status

    public var name: String {
        switch self {
        case .schoolCode: "school_code"
        case .schoolName: "school_name"
        case .schoolType: "school_type"
        case .studentNumber: "student_number"
        case .nameLatin: "name_latin"
        case .nameKana: "name_kana"
        case .birthDate: "birth_date"
        case .sex: "sex"
        case .residenceCardNumber: "residence_card_number"
        case .grade: "grade"
        case .term: "term"
        case .daysInTerm: "days_in_term"
        case .daysAbsent: "days_absent"
        case .japaneseSupport: "japanese_support"
        case .status: "status"
        }
    }

    public var requirement: ColumnRequirement {
        switch self {
        case .nameLatin, .nameKana: .conditional("at least one of name_latin and name_kana")
        case .residenceCardNumber: .optional
        default: .required
        }
    }
}
