import KyoseiDomain

/// One compulsory-age child as of a date: their MEXT class and what the rosters say, for
/// `school list`, `school status`, the rules and the report.
public struct ChildSchooling: Sendable, Equatable, Encodable {
    public var residentID: Int64
    /// The register's person id, or `K<id>` for someone without one.
    public var personID: String
    public var nationality: String
    public var district: String?
    public var registerState: RegisterState
    public var expectedGrade: Int
    /// The grade the latest term's roster gives; may be below the expected one.
    public var grade: Int?
    public var schoolType: SchoolType?
    public var mextClass: MextClass
    public var daysAbsentYear: Int
    public var longTermAbsence: Bool
    /// The standing staff confirmation, if one still counts.
    public var confirmation: HomeVisitOutcome?

    /// Long-term absence: 30 or more days absent in a school year.
    public static let longTermAbsenceDays = 30

    enum CodingKeys: String, CodingKey {
        case nationality, district, grade, confirmation
        case personID = "person_id"
        case registerState = "register_state"
        case expectedGrade = "expected_grade"
        case schoolType = "school_type"
        case mextClass = "mext_class"
        case daysAbsentYear = "days_absent_year"
        case longTermAbsence = "long_term_absence"
    }

    /// Grades 1–6 are elementary age, 7–9 junior-high age.
    public var isElementaryAge: Bool { expectedGrade <= 6 }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(personID, forKey: .personID)
        try c.encode(mextClass.rawValue, forKey: .mextClass)
        try c.encode(expectedGrade, forKey: .expectedGrade)
        try c.encode(grade.map(String.init) ?? "", forKey: .grade)
        try c.encode(schoolType?.rawValue ?? "", forKey: .schoolType)
        try c.encode(daysAbsentYear, forKey: .daysAbsentYear)
        try c.encode(longTermAbsence, forKey: .longTermAbsence)
        try c.encode(nationality, forKey: .nationality)
        try c.encode(district ?? "", forKey: .district)
        try c.encode(registerState.rawValue, forKey: .registerState)
        try c.encode(confirmation?.rawValue ?? "", forKey: .confirmation)
    }
}
