import GRDB

/// Search-index changes held back until the end of a large write. Once an FTS5 table has been
/// written in a transaction, SQLite calls its savepoint method at every later statement, and
/// FTS5 flushes its pending terms to disk there: interleaving index writes with a million
/// resident inserts measured ~100 µs per row. The batch records which rows changed (in a temp
/// table, so a rollback forgets it too) and writes the index in two statements at the end, the
/// pending rows driving (SQLite, without statistics on the temp table, scanned every resident).
public final class SearchIndexBatch {
    private var prepared = false

    public init() {}

    /// Notes that `id` changed; `old` are the indexed values before the change, nil for a new row.
    public func note(id: Int64, old: (latin: String, japanese: String)?, in db: Database) throws {
        try prepare(db)
        // The first old value is the one in the index: keep it if a row changes twice.
        try db.cachedStatement(sql: """
            INSERT INTO temp.search_pending(rowid, had_old, old_latin, old_japanese) VALUES (?, ?, ?, ?)
            ON CONFLICT(rowid) DO NOTHING
            """).execute(arguments: [id, old == nil ? 0 : 1, old?.latin, old?.japanese])
    }

    /// Notes new rows in bulk: the ids `sql` selects (one column).
    public func noteNew(selecting sql: String, in db: Database) throws {
        try prepare(db)
        try db.execute(sql: "INSERT INTO temp.search_pending(rowid, had_old) SELECT *, 0 FROM (\(sql)) WHERE true ON CONFLICT(rowid) DO NOTHING")
    }

    private func prepare(_ db: Database) throws {
        guard !prepared else { return }
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS search_pending (
                rowid INTEGER PRIMARY KEY, had_old INTEGER NOT NULL, old_latin TEXT, old_japanese TEXT)
            """)
        try db.execute(sql: "DELETE FROM temp.search_pending")
        prepared = true
    }

    /// Writes every noted change to the index. Call once, before the transaction commits.
    public func flush(_ db: Database) throws {
        guard prepared else { return }
        try db.execute(sql: """
            INSERT INTO resident_search(resident_search, rowid, search_latin, search_japanese)
            SELECT 'delete', rowid, old_latin, old_japanese FROM temp.search_pending WHERE had_old = 1;
            INSERT INTO resident_search(rowid, search_latin, search_japanese)
            SELECT r.id, r.search_latin, r.search_japanese FROM temp.search_pending p CROSS JOIN resident r ON r.id = p.rowid;
            DELETE FROM temp.search_pending;
            """)
        prepared = false
    }
}
