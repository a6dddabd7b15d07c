import GRDB
import KyoseiDomain

/// The resident columns the card-first policy compares a notification with. Cached lookups:
/// every row of an employment file asks.
public struct CardHolderRow: FetchableRecord, Sendable, Equatable {
    public var id: Int64
    public var birthDate: LocalDate
    public var sex: Sex
    public var stayExpiryDate: LocalDate?

    public init(row: Row) throws {
        guard let birthDate = row["birth_date"] as LocalDate?, let sex = row["sex"] as Sex? else {
            throw DatabaseError(message: "resident \(row["id"] as Int64? ?? 0) has an invalid birth date or sex")
        }
        id = row["id"]
        self.birthDate = birthDate
        self.sex = sex
        stayExpiryDate = row["stay_expiry_date"]
    }

    public static func find(id: Int64, in db: Database) throws -> CardHolderRow? {
        try fetchOne(db.cachedStatement(sql: "SELECT id, birth_date, sex, stay_expiry_date FROM resident WHERE id = ?"),
                     arguments: [id])
    }

    /// The resident holding `card`; the first recorded when, against the register's rule, two do.
    public static func find(card: ResidenceCardNumber, in db: Database) throws -> CardHolderRow? {
        try fetchOne(db.cachedStatement(sql: """
            SELECT id, birth_date, sex, stay_expiry_date FROM resident WHERE residence_card_number = ? ORDER BY id LIMIT 1
            """), arguments: [card])
    }
}
