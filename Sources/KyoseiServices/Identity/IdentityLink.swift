import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiIntake
import KyoseiStore

/// The strict policy: whether a register row is someone the city already serves without a
/// person id (a walk-in, `UNREGISTERED_SERVED`). A merge can never be undone cleanly, so only
/// decisive evidence links:
/// the same residence card number, or — when no card disagrees — the same Latin name, birth
/// date, sex and nationality on exactly one walk-in. Anything close but not decisive goes to a
/// human and the register row becomes a resident of its own.
enum IdentityLink {
    /// What a walk-in and a register row must share before a link is even considered.
    struct BirthKey: Hashable {
        let birthDate: LocalDate
        let sex: Sex
        let nationality: Nationality

        init(_ row: RegisterRow) {
            birthDate = row.birthDate
            sex = row.sex
            nationality = row.nationality
        }

        init?(_ person: IncomingPerson) {
            guard let nationality = person.nationality else { return nil }
            birthDate = person.birthDate
            sex = person.sex
            self.nationality = nationality
        }

        init(_ record: ResidentRecord) {
            birthDate = record.birthDate
            sex = record.sex
            nationality = record.nationality
        }
    }

    /// The identity a name-based link rests on: Latin name tokens in any order, birth date,
    /// sex and nationality.
    struct NameKey: Hashable {
        let tokens: Set<String>
        let birth: BirthKey

        init(_ row: RegisterRow) {
            tokens = Set(NameNormalizer.latinTokens(row.nameLatin))
            birth = BirthKey(row)
        }

        init?(_ person: IncomingPerson) {
            guard let birth = BirthKey(person), let name = person.nameLatin else { return nil }
            tokens = Set(NameNormalizer.latinTokens(name))
            self.birth = birth
        }

        init(_ record: ResidentRecord) {
            tokens = Set(NameNormalizer.latinTokens(record.nameLatin))
            birth = BirthKey(record)
        }
    }

    static func walkInKeys(in db: Database) throws -> Set<BirthKey> {
        Set(try WalkIns.all(in: db).map(BirthKey.init))
    }

    /// `person.alsoInFile`: how many people in the file being applied share the row's name key
    /// (itself included). A walk-in who could be any of several register people is never linked.
    /// Only Latin names with a nationality are compared: a walk-in merge needs the register's view.
    static func find(for person: IncomingPerson, in db: Database) throws -> Resolution {
        if let card = person.cardNumber {
            let byCard = try ResidentRecord.fetchUnlinked(db, card: card)
            switch byCard.count {
            case 1: return .link(byCard[0].id!, "the walk-in holds residence card \(card)")
            case 0: break
            default: return .review(byCard.map { $0.id! }, "several walk-ins hold residence card \(card)")
            }
        }
        guard let key = NameKey(person) else { return .none }
        let sameBirth = try ResidentRecord.fetchUnlinked(db, birthDate: key.birth.birthDate, sex: key.birth.sex, nationality: key.birth.nationality)
        guard !sameBirth.isEmpty else { return .none }
        let exact = sameBirth.filter { NameKey($0) == key }
        let agreeing = exact.filter { $0.residenceCardNumber == nil || person.cardNumber == nil }
        if agreeing.count == 1 && exact.count == 1 {
            let registered = try WalkIns.registerPeople(besides: person.personID, born: person.birthDate, sex: person.sex,
                                                        nationality: key.birth.nationality, in: db)
            let others = person.alsoInFile - 1 + registered.filter { NameKey($0) == key }.count
            guard others == 0 else {
                return .review([agreeing[0].id!],
                               "the walk-in shares name, birth date, sex and nationality with \(others + 1) register people; it could be any of them")
            }
            return .link(agreeing[0].id!, "the only walk-in with this name, birth date, sex and nationality")
        }
        if exact.count > 1 {
            return .review(exact.map { $0.id! }, "\(exact.count) walk-ins share this name, birth date, sex and nationality")
        }
        if let conflicting = exact.first {
            return .review([conflicting.id!],
                           "a walk-in with this name, birth date, sex and nationality holds another residence card (\(conflicting.residenceCardNumber?.rawValue ?? ""))")
        }
        let close = sameBirth.filter { !NameKey($0).tokens.isDisjoint(with: key.tokens) }
        if !close.isEmpty {
            return .review(close.map { $0.id! }, "a walk-in with the same birth date, sex and nationality shares part of the name")
        }
        return .none
    }
}
