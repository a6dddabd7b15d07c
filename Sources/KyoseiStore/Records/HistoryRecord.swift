import GRDB

/// One changed field of one record: the single history every area writes to.
public struct HistoryRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "history"

    /// Where a change came from, so a resident's story tells staff edits from register updates.
    public enum Source: String, Codable, Sendable, CaseIterable {
        case staffEdit = "STAFF_EDIT"
        case registerSync = "REGISTER_SYNC"
        case correction = "CORRECTION"
        case fileImport = "FILE_IMPORT"
        case system = "SYSTEM"
    }

    public var id: Int64?
    public var residentID: Int64?
    public var entity: String
    public var entityID: String
    public var field: String
    public var oldValue: String?
    public var newValue: String?
    public var changedAt: String
    public var changedBy: String
    public var source: Source
    public var sourceRef: String?
    public var reason: String?

    public init(id: Int64? = nil, residentID: Int64?, entity: String, entityID: String, field: String,
                oldValue: String?, newValue: String?, changedAt: String, changedBy: String, source: Source,
                sourceRef: String?, reason: String?) {
        self.id = id
        self.residentID = residentID
        self.entity = entity
        self.entityID = entityID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.changedAt = changedAt
        self.changedBy = changedBy
        self.source = source
        self.sourceRef = sourceRef
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case id
        case residentID = "resident_id"
        case entity
        case entityID = "entity_id"
        case field
        case oldValue = "old_value"
        case newValue = "new_value"
        case changedAt = "changed_at"
        case changedBy = "changed_by"
        case source
        case sourceRef = "source_ref"
        case reason
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// One row for each record `selecting` returns (`resident_id, entity_id, old_value`), all
    /// changing `field` of `entity` to `new`, written by one statement: a file changes many
    /// records at once.
    public static func insertEach(entity: String, field: String, to new: String?, selecting: String, arguments: StatementArguments,
                                  changedAt: String, changedBy: String, source: Source, sourceRef: String?, reason: String?,
                                  in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO history (resident_id, entity, entity_id, field, old_value, new_value, changed_at, changed_by, source, source_ref, reason)
            SELECT s.resident_id, ?, s.entity_id, ?, s.old_value, ?, ?, ?, ?, ?, ? FROM (\(selecting)) s
            """, arguments: [entity, field, new, changedAt, changedBy, source.rawValue, sourceRef, reason] + arguments)
    }
}

extension DerivableRequest<HistoryRecord> {
    public func filter(residentID: Int64) -> Self { filter(Column("resident_id") == residentID) }
    public func chronological() -> Self { order(Column("id")) }
}
