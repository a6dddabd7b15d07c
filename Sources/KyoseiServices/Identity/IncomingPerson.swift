import KyoseiDomain
import KyoseiIdentity
import KyoseiIntake
import KyoseiStore

/// A person as a file names them, before Kyosei knows who they are: what every source gives
/// the identity resolver, whatever its columns, and what the review desk shows of each side.
public struct IncomingPerson: Sendable {
    public internal(set) var nameLatin: String?
    public internal(set) var nameKana: String?
    public internal(set) var birthDate: LocalDate
    public internal(set) var sex: Sex
    public internal(set) var nationality: Nationality?
    public internal(set) var cardNumber: ResidenceCardNumber?
    /// The register's own id for them (register rows only): they are never their own candidate.
    var personID: PersonID?
    /// How many people in the same file share this one's name, birth date, sex and nationality
    /// (themselves included); the strict policy links nobody who could be any of several.
    var alsoInFile = 1

    init(nameLatin: String?, nameKana: String?, birthDate: LocalDate, sex: Sex, nationality: Nationality?,
         cardNumber: ResidenceCardNumber?, personID: PersonID? = nil) {
        self.nameLatin = nameLatin
        self.nameKana = nameKana
        self.birthDate = birthDate
        self.sex = sex
        self.nationality = nationality
        self.cardNumber = cardNumber
        self.personID = personID
    }

    init(_ resident: ResidentRecord) {
        self.init(nameLatin: resident.nameLatin, nameKana: resident.nameKana, birthDate: resident.birthDate, sex: resident.sex,
                  nationality: resident.nationality, cardNumber: resident.residenceCardNumber)
    }

    init(_ row: RegisterRow) {
        self.init(nameLatin: row.nameLatin, nameKana: row.nameKana, birthDate: row.birthDate, sex: row.sex,
                  nationality: row.nationality, cardNumber: row.cardNumber, personID: row.personID)
    }

    init(_ row: InsuranceRow) {
        self.init(nameLatin: nil, nameKana: row.nameKana, birthDate: row.birthDate, sex: row.sex, nationality: nil,
                  cardNumber: row.cardNumber)
    }

    init(_ row: SchoolRosterRow) {
        self.init(nameLatin: row.nameLatin, nameKana: row.nameKana, birthDate: row.birthDate, sex: row.sex, nationality: nil,
                  cardNumber: row.cardNumber)
    }

    init(_ row: EmploymentReportRow) {
        self.init(nameLatin: row.nameLatin, nameKana: nil, birthDate: row.birthDate, sex: row.sex, nationality: row.nationality,
                  cardNumber: row.cardNumber)
    }

    /// The person as the scored policy's index reads a row.
    var query: IdentityQuery {
        IdentityQuery(nameKana: nameKana, nameLatin: nameLatin, birthDate: birthDate, sex: sex, cardNumber: cardNumber)
    }

    /// The person as the scored policy's index holds a resident.
    func record(id: Int64) -> IdentityRecord {
        IdentityRecord(id: id, nameLatin: nameLatin ?? "", nameKana: nameKana, birthDate: birthDate, sex: sex,
                       nationality: nationality, cardNumber: cardNumber)
    }
}
