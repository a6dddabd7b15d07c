import KyoseiDomain

/// One child on a school's roster for a term.
public struct SchoolRosterRow: Sendable, Hashable {
    public var schoolCode: String
    public var schoolName: String
    public var schoolType: SchoolType
    /// The school's own, stable id for the child.
    public var studentNumber: String
    public var nameLatin: String?
    public var nameKana: String?
    public var birthDate: LocalDate
    public var sex: Sex
    public var cardNumber: ResidenceCardNumber?
    /// 1–9; 7–9 are junior-high years 1–3.
    public var grade: Int
    public var term: SchoolTerm
    public var daysInTerm: Int
    public var daysAbsent: Int
    /// Receives Japanese-language instruction.
    public var japaneseSupport: Bool
    public var status: SchoolEnrolmentStatus

    public init(
        schoolCode: String, schoolName: String, schoolType: SchoolType, studentNumber: String,
        nameLatin: String?, nameKana: String?, birthDate: LocalDate, sex: Sex, cardNumber: ResidenceCardNumber?,
        grade: Int, term: SchoolTerm, daysInTerm: Int, daysAbsent: Int, japaneseSupport: Bool, status: SchoolEnrolmentStatus
    ) {
        self.schoolCode = schoolCode
        self.schoolName = schoolName
        self.schoolType = schoolType
        self.studentNumber = studentNumber
        self.nameLatin = nameLatin
        self.nameKana = nameKana
        self.birthDate = birthDate
        self.sex = sex
        self.cardNumber = cardNumber
        self.grade = grade
        self.term = term
        self.daysInTerm = daysInTerm
        self.daysAbsent = daysAbsent
        self.japaneseSupport = japaneseSupport
        self.status = status
    }
}
