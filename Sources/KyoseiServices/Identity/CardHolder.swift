import GRDB
import KyoseiDomain
import KyoseiStore

/// The resident who holds a residence card, and the card-first policy built on them: a card
/// is issued to one person, so its holder is the notification's person when the birth date and
/// sex agree; when they do not, a person decides, once for every notification reporting the
/// same card, birth date and sex.
struct CardHolder {
    let id: Int64
    let birthDate: LocalDate
    let sex: Sex
    let stayExpiry: LocalDate?

    /// A "not stated" sex on either side contradicts nothing; a different birth date always does.
    func agrees(with person: IncomingPerson) -> Bool {
        person.birthDate == birthDate && (person.sex == sex || person.sex == .notStated || sex == .notStated)
    }

    /// What differs between the person reported and the holder, in words.
    func differences(from person: IncomingPerson) -> String {
        var differences: [String] = []
        if person.birthDate != birthDate { differences.append("born \(person.birthDate) where the holder was born \(birthDate)") }
        if person.sex != sex { differences.append("sex \(person.sex.rawValue) where the holder's is \(sex.rawValue)") }
        return differences.joined(separator: " and ")
    }

    static func resolve(_ person: IncomingPerson, in db: Database) throws -> Resolution {
        guard let card = person.cardNumber, let holder = try find(card, in: db) else { return .none }
        if holder.agrees(with: person) { return .link(holder.id, "the holder of card \(card) has this birth date and sex") }
        switch try IdentityReviewRecord.latestDecision(subjectKey: questionKey(card, person.birthDate, person.sex), in: db) {
        case (.linked, let resident?)?:
            return .link(resident, "a person linked card \(card) with this birth date and sex to K\(resident)")
        case (.rejected, _)?:
            return .none
        default:
            return .review([holder.id], holder.differences(from: person))
        }
    }

    /// What ties one person's questions across notifications: the card and the birth date and
    /// sex reported with it. A decision at the review desk holds for the next notification
    /// reporting the same three.
    static func questionKey(_ card: ResidenceCardNumber, _ birthDate: LocalDate, _ sex: Sex) -> String {
        "\(card.rawValue)|\(birthDate)|\(sex.rawValue)"
    }

    static func find(id: Int64, in db: Database) throws -> CardHolder? {
        try CardHolderRow.find(id: id, in: db).map(CardHolder.init)
    }

    static func find(_ card: ResidenceCardNumber, in db: Database) throws -> CardHolder? {
        try CardHolderRow.find(card: card, in: db).map(CardHolder.init)
    }
}

extension CardHolder {
    init(_ row: CardHolderRow) {
        self.init(id: row.id, birthDate: row.birthDate, sex: row.sex, stayExpiry: row.stayExpiryDate)
    }
}
