import KyoseiDomain
import KyoseiStore

/// One term's roster row for a person, as `school status` shows it.
public struct SchoolTermEntry: Sendable, Equatable, Encodable {
    public var schoolYear: Int
    public var term: String
    public var schoolName: String
    public var schoolType: String
    public var grade: Int
    public var daysInTerm: Int
    public var daysAbsent: Int
    public var japaneseSupport: Bool
    public var status: String

    enum CodingKeys: String, CodingKey {
        case term, grade, status
        case schoolYear = "school_year"
        case schoolName = "school_name"
        case schoolType = "school_type"
        case daysInTerm = "days_in_term"
        case daysAbsent = "days_absent"
        case japaneseSupport = "japanese_support"
    }

    init(_ row: SchoolTermRowRecord) {
        schoolYear = row.schoolYear
        term = row.term.rawValue
        schoolName = row.schoolName
        schoolType = row.schoolType.rawValue
        grade = row.grade
        daysInTerm = row.daysInTerm
        daysAbsent = row.daysAbsent
        japaneseSupport = row.japaneseSupport
        status = row.status.rawValue
    }
}
