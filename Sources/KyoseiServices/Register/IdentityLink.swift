import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiIntake
import KyoseiStore

/// Whether a register row is someone the city already serves without a person id (a walk-in,
/// `UNREGISTERED_SERVED`). A merge can never be undone cleanly, so only decisive evidence links:
/// the same residence card number, or — when no card disagrees — the same Latin name, birth
/// date, sex and nationality on exactly one walk-in. Anything close but not decisive goes to a
/// human and the register row becomes a resident of its own.
enum IdentityLink {
    enum Decision {
        case none
        case link(ResidentRecord)
        case review(candidates: [Int64], reason: String)
    }

    static func find(for row: RegisterRow, in db: Database) throws -> Decision {
        if let card = row.cardNumber {
            let byCard = try ResidentRecord.fetchUnlinked(db, card: card)
            switch byCard.count {
            case 1: return .link(byCard[0])
            case 0: break
            default: return .review(candidates: byCard.map { $0.id! }, reason: "several walk-ins hold residence card \(card)")
            }
        }
        let sameBirth = try ResidentRecord.fetchUnlinked(db, birthDate: row.birthDate, sex: row.sex, nationality: row.nationality)
        guard !sameBirth.isEmpty else { return .none }
        let rowName = Set(NameNormalizer.latinTokens(row.nameLatin))
        let exact = sameBirth.filter { Set(NameNormalizer.latinTokens($0.nameLatin)) == rowName }
        let agreeing = exact.filter { $0.residenceCardNumber == nil || row.cardNumber == nil }
        if agreeing.count == 1 && exact.count == 1 { return .link(agreeing[0]) }
        if exact.count > 1 {
            return .review(candidates: exact.map { $0.id! },
                           reason: "\(exact.count) walk-ins share this name, birth date, sex and nationality")
        }
        if let conflicting = exact.first {
            return .review(candidates: [conflicting.id!],
                           reason: "a walk-in with this name, birth date, sex and nationality holds another residence card (\(conflicting.residenceCardNumber?.rawValue ?? ""))")
        }
        let close = sameBirth.filter { !Set(NameNormalizer.latinTokens($0.nameLatin)).isDisjoint(with: rowName) }
        if !close.isEmpty {
            return .review(candidates: close.map { $0.id! },
                           reason: "a walk-in with the same birth date, sex and nationality shares part of the name")
        }
        return .none
    }
}
