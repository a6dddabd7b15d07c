import GRDB

/// A key/value fact about this database, such as the municipality it belongs to.
public struct MetaRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "meta"
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public static let municipalityCodeKey = "municipality_code"
    public static let createdAtKey = "created_at"

    public static func value(_ key: String, in db: Database) throws -> String? {
        try MetaRecord.fetchOne(db, key: key)?.value
    }

    /// Every migration the database records as applied, this Kyosei's or a newer one's: what
    /// tells a copy or a database written by a newer version apart.
    public static func appliedMigrations(in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
    }
}
