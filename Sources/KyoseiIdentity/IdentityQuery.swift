import KyoseiDomain

/// One row of a partner roster: katakana only (insurance), Latin and/or katakana (school),
/// Latin with a card number (employment). Parts may be in any order and any may be missing.
public struct IdentityQuery: Sendable {
    public let nameKana: String?
    public let nameLatin: String?
    public let birthDate: LocalDate
    public let sex: Sex
    public let cardNumber: ResidenceCardNumber?

    public init(nameKana: String?, nameLatin: String?, birthDate: LocalDate, sex: Sex,
                cardNumber: ResidenceCardNumber?) {
        self.nameKana = nameKana
        self.nameLatin = nameLatin
        self.birthDate = birthDate
        self.sex = sex
        self.cardNumber = cardNumber
    }
}
