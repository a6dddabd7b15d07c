import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

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

    /// What ties one person's questions across notifications: the card and the birth date and
    /// sex reported with it. A decision at the review desk holds for the next notification
    /// reporting the same three.
    static func questionKey(_ card: ResidenceCardNumber, _ birthDate: LocalDate, _ sex: Sex) -> String {
        "\(card.rawValue)|\(birthDate)|\(sex.rawValue)"
    }

    static func questionKey(_ row: EmploymentReportRow) -> String { questionKey(row.cardNumber, row.birthDate, row.sex) }

    /// The latest decision a person made about notifications with this key, and the resident linked.
    static func decided(_ key: String, in db: Database) throws -> (ReviewDecision, Int64?)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT decision, linked_resident_id FROM identity_review WHERE subject_key = ? AND decision IS NOT NULL
            ORDER BY decided_at DESC, id DESC LIMIT 1
            """), arguments: [key]), let decision = ReviewDecision(rawValue: row["decision"]) else { return nil }
        return (decision, row["linked_resident_id"])
    }

    static func find(id: Int64, in db: Database) throws -> CardHolder? {
        try holder(sql: "SELECT id, birth_date, sex, stay_expiry_date FROM resident WHERE id = ?", id, in: db)
    }

    static func find(_ card: ResidenceCardNumber, in db: Database) throws -> CardHolder? {
        try holder(sql: """
            SELECT id, birth_date, sex, stay_expiry_date FROM resident WHERE residence_card_number = ? ORDER BY id LIMIT 1
            """, card.rawValue, in: db)
    }

    private static func holder(sql: String, _ argument: some DatabaseValueConvertible, in db: Database) throws -> CardHolder? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [argument]) else { return nil }
        return CardHolder(id: row["id"], birthDate: row["birth_date"], sex: row["sex"], stayExpiry: row["stay_expiry_date"])
    }
}
