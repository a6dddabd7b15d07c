import GRDB
import KyoseiDomain
import KyoseiIntake

/// The resident who holds a residence card, as far as linking a notification needs them.
struct CardHolder {
    let id: Int64
    let birthDate: LocalDate
    let sex: Sex
    let stayExpiry: LocalDate?

    /// A "not stated" sex on either side contradicts nothing; a different birth date always does.
    func agrees(with row: EmploymentReportRow) -> Bool {
        row.birthDate == birthDate && (row.sex == sex || row.sex == .notStated || sex == .notStated)
    }

    static func find(_ card: ResidenceCardNumber, in db: Database) throws -> CardHolder? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, birth_date, sex, stay_expiry_date FROM resident WHERE residence_card_number = ? ORDER BY id LIMIT 1
            """), arguments: [card.rawValue]) else { return nil }
        return CardHolder(id: row["id"], birthDate: row["birth_date"], sex: row["sex"], stayExpiry: row["stay_expiry_date"])
    }
}
