import GRDB
import KyoseiStore

/// Runs a parsed query against the indexes: references by their unique index, names through
/// the FTS5 index (ranked by bm25), birth dates through `resident_birth`.
enum ResidentSearch {
    static func run(_ query: ResidentQuery, limit: Int, in db: Database) throws -> [ResidentMatch] {
        if let ref = query.reference {
            return try [ResidentMatch(resident: ResidentWrites.fetch(ref, in: db), score: 1)]
        }
        guard let match = query.matchExpression else {
            return try ResidentRecord.all().filter(birthDate: query.birthDate!)
                .order(Column("name_latin"), Column("id")).limit(limit).fetchAll(db)
                .map { ResidentMatch(resident: $0, score: 1) }
        }
        var sql = """
            SELECT resident.*, -bm25(resident_search, 2.0, 1.0) AS score
            FROM resident_search JOIN resident ON resident.id = resident_search.rowid
            WHERE resident_search MATCH ?
            """
        var arguments: StatementArguments = [match]
        if let date = query.birthDate {
            sql += " AND resident.birth_date = ?"
            arguments += [date.description]
        }
        sql += " ORDER BY score DESC, resident.id LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
            ResidentMatch(resident: try ResidentRecord(row: $0), score: $0["score"])
        }
    }
}
