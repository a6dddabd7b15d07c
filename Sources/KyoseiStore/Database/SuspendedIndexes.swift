import GRDB

/// Secondary indexes dropped for a bulk load inside a transaction and rebuilt before it commits.
/// Filling an empty million-row table while keeping seven random-order indexes up to date costs
/// several times more than building each index once, sorted, at the end; the indexes are
/// restored from their own stored definitions, so nothing is lost if the schema grows.
public struct SuspendedIndexes {
    private let definitions: [(name: String, sql: String)]

    /// Drops every index on `tables` that a `CREATE INDEX` made (unique constraints stay).
    public static func suspend(on tables: [String], in db: Database) throws -> SuspendedIndexes {
        let placeholders = tables.map { _ in "?" }.joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(placeholders))
            """, arguments: StatementArguments(tables))
        let definitions = rows.map { (name: $0["name"] as String, sql: $0["sql"] as String) }
        for index in definitions {
            try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)")
        }
        return SuspendedIndexes(definitions: definitions)
    }

    public func restore(in db: Database) throws {
        for index in definitions {
            try db.execute(sql: index.sql)
        }
    }
}
