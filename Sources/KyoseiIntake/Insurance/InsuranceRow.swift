import KyoseiDomain

/// One enrollment on an insurer's roster. Partners know people by katakana name, birth date and
/// sex, and only sometimes by card number, so those travel together for identity matching.
public struct InsuranceRow: Sendable, Hashable {
    public var scheme: InsuranceScheme
    /// The insurer (hokensha) number: 6 digits for NHI, 8 for employees' schemes.
    public var insurerNumber: String
    /// The insurer's own, stable id for the person.
    public var memberNumber: String
    public var memberType: InsuranceMemberType
    public var nameKana: String
    public var birthDate: LocalDate
    public var sex: Sex
    public var cardNumber: ResidenceCardNumber?
    public var enrolledFrom: LocalDate
    /// Nil while still enrolled.
    public var enrolledUntil: LocalDate?
    /// A social-security-agreement certificate exempts the person.
    public var agreementExempt: Bool

    public init(
        scheme: InsuranceScheme, insurerNumber: String, memberNumber: String, memberType: InsuranceMemberType,
        nameKana: String, birthDate: LocalDate, sex: Sex, cardNumber: ResidenceCardNumber?,
        enrolledFrom: LocalDate, enrolledUntil: LocalDate?, agreementExempt: Bool
    ) {
        self.scheme = scheme
        self.insurerNumber = insurerNumber
        self.memberNumber = memberNumber
        self.memberType = memberType
        self.nameKana = nameKana
        self.birthDate = birthDate
        self.sex = sex
        self.cardNumber = cardNumber
        self.enrolledFrom = enrolledFrom
        self.enrolledUntil = enrolledUntil
        self.agreementExempt = agreementExempt
    }
}
