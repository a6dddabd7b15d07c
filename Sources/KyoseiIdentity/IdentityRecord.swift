import KyoseiDomain

/// A resident as the matcher needs to know them: the register's Latin name (family name first)
/// and katakana reading when it holds one, and the facts partner rosters carry too.
public struct IdentityRecord: Sendable {
    public let id: Int64
    public let nameLatin: String
    public let nameKana: String?
    public let birthDate: LocalDate
    public let sex: Sex
    public let nationality: Nationality?
    public let cardNumber: ResidenceCardNumber?

    public init(id: Int64, nameLatin: String, nameKana: String?, birthDate: LocalDate, sex: Sex,
                nationality: Nationality?, cardNumber: ResidenceCardNumber?) {
        self.id = id
        self.nameLatin = nameLatin
        self.nameKana = nameKana
        self.birthDate = birthDate
        self.sex = sex
        self.nationality = nationality
        self.cardNumber = cardNumber
    }
}
