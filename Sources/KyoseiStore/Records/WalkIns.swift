import GRDB
import KyoseiDomain

/// The lookups a register file makes to merge walk-ins (residents Kyosei recorded before the
/// register named them) with its people. Cached: every row of a register file may ask.
public enum WalkIns {
    /// Every walk-in.
    public static func all(in db: Database) throws -> [ResidentRecord] {
        try ResidentRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM resident WHERE person_id IS NULL"))
    }

    /// Register people other than `person` (every one when nil) with this birth date, sex and
    /// nationality: those a walk-in of the same name could equally be.
    public static func registerPeople(besides person: PersonID?, born birthDate: LocalDate, sex: Sex, nationality: Nationality,
                                      in db: Database) throws -> [ResidentRecord] {
        try ResidentRecord.fetchAll(
            db.cachedStatement(sql: """
                SELECT * FROM resident WHERE person_id IS NOT NULL AND person_id <> ? AND birth_date = ? AND sex = ? AND nationality = ?
                """),
            arguments: [person?.rawValue ?? "", birthDate, sex, nationality])
    }
}
