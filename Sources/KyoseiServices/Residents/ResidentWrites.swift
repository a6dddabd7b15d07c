import GRDB
import KyoseiDomain
import KyoseiStore

/// The only code that inserts or changes a resident row. Staff edits and the register sync both
/// come through here, so the search columns, the search index and the history are always
/// written with the change.
public enum ResidentWrites {
    /// With a `batch`, the search index is written when the batch is flushed (large writes);
    /// without one, at once (a staff edit).
    public static func insert(
        _ record: inout ResidentRecord, by login: String, at timestamp: String, source: ChangeSource,
        index batch: SearchIndexBatch? = nil, in db: Database
    ) throws {
        ResidentSearchText.refresh(&record)
        record.createdAt = timestamp
        record.updatedAt = timestamp
        try ensureHousehold(record.householdID, at: timestamp, in: db)
        try record.insertCached(db)
        if let batch {
            try batch.note(id: record.id!, old: nil, in: db)
        } else {
            try record.insertSearchEntry(db)
        }
        try HistoryWriter.record(
            residentID: record.id!, entityID: record.reference,
            changes: [(field: "(created)", old: nil, new: record.creationSummary)],
            by: login, at: timestamp, source: source, in: db)
    }

    /// Saves `updated` over `old`, writing one history row per changed field. Returns the
    /// changes, empty when nothing changed (and then nothing is written).
    @discardableResult
    public static func update(
        from old: ResidentRecord, to updated: inout ResidentRecord, by login: String, at timestamp: String,
        source: ChangeSource, index batch: SearchIndexBatch? = nil, in db: Database
    ) throws -> [(field: String, old: String?, new: String?)] {
        let changes = updated.changes(from: old)
        guard !changes.isEmpty else { return [] }
        ResidentSearchText.refresh(&updated)
        updated.updatedAt = timestamp
        try ensureHousehold(updated.householdID, at: timestamp, in: db)
        try updated.updateCached(db)
        if updated.searchLatin != old.searchLatin || updated.searchJapanese != old.searchJapanese {
            if let batch {
                try batch.note(id: old.id!, old: (old.searchLatin, old.searchJapanese), in: db)
            } else {
                try old.deleteSearchEntry(db)
                try updated.insertSearchEntry(db)
            }
        }
        try HistoryWriter.record(
            residentID: updated.id!, entityID: updated.reference, changes: changes,
            by: login, at: timestamp, source: source, in: db)
        return changes
    }

    private static func ensureHousehold(_ id: HouseholdID?, at timestamp: String, in db: Database) throws {
        guard let id else { return }
        try HouseholdRecord.ensure(id, at: timestamp, in: db)
    }

    /// Finds the one resident a reference names, or says plainly that there is none.
    public static func fetch(_ ref: ResidentRef, in db: Database) throws -> ResidentRecord {
        let found: ResidentRecord? = switch ref {
        case .kyosei(let id): try ResidentRecord.fetchOne(db, key: id)
        case .person(let p): try ResidentRecord.fetchOne(db, personID: p)
        case .card(let c): try ResidentRecord.all().filter(cardNumber: c).order(Column("id").desc).fetchOne(db)
        }
        guard let found else { throw ServiceError.notFound("No resident \(ref) in this database.") }
        return found
    }
}
