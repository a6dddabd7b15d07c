import GRDB
import KyoseiDomain

extension ResidentRecord {
    /// Residents whose search row matches the FTS5 `expression` (and were born on `birthDate`,
    /// when given), best bm25 first, with their score. The index ranks and cuts before any
    /// resident is read: ranking the join read every resident whose row matched (a common
    /// name's thousands, to keep twenty), which was most of a search's time.
    public static func searched(
        _ expression: String, bornOn birthDate: LocalDate?, limit: Int, in db: Database
    ) throws -> [(resident: ResidentRecord, score: Double)] {
        var arguments: StatementArguments = [expression]
        var born = ""
        if let birthDate {
            born = " AND rowid IN (SELECT id FROM resident WHERE birth_date = ?)"
            arguments += [birthDate]
        }
        arguments += [limit]
        let sql = """
            SELECT resident.*, found.score FROM (
                SELECT rowid AS id, -bm25(resident_search, 2.0, 1.0) AS score FROM resident_search
                WHERE resident_search MATCH ?\(born) ORDER BY score DESC, rowid LIMIT ?
            ) AS found JOIN resident ON resident.id = found.id
            ORDER BY found.score DESC, resident.id
            """
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { (try ResidentRecord(row: $0), $0["score"]) }
    }

    /// What the identity index reads of every resident (id, person id, names, birth date, sex,
    /// nationality, card) and nothing else: a roster import reads all of them once.
    public static func identityFields() -> QueryInterfaceRequest<Row> {
        select(Column("id"), Column("person_id"), Column("name_latin"), Column("name_kana"), Column("birth_date"), Column("sex"),
               Column("nationality"), Column("residence_card_number")).asRequest(of: Row.self)
    }
}
