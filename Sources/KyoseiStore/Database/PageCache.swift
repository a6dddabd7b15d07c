import GRDB

/// How much of the database a connection keeps in memory. Every connection opens with a large
/// cache, since a register snapshot writes every index of a million-row table in one
/// transaction; a roster import reads the residents once, in order, and appends its members, so
/// there the same cache only holds the import's memory up (a million-resident import peaked at
/// 613 MB, of which the page cache could take 128 MB).
public enum PageCache {
    /// What every connection opens with.
    public static let standardKiB = 131_072
    /// Enough for a roster import, whose writes are appends.
    public static let importKiB = 16_384
    /// For a connection that reads a table once, in order: each page is read and let go.
    public static let scanKiB = 2_048

    public static func set(kibibytes: Int, in db: Database) throws {
        try db.execute(sql: "PRAGMA cache_size = \(-kibibytes)")
    }
}
