import GRDB
import KyoseiStore

/// The one writer of history: every changed field of a person's data becomes a row saying
/// what, from, to, when, who and why. Register sync, staff edits and imports all come here.
public struct ChangeSource: Sendable, Equatable {
    public let kind: HistoryRecord.Source
    /// The file and sequence for a sync, the reject id for a correction.
    public let reference: String?
    public let reason: String?

    public init(_ kind: HistoryRecord.Source, reference: String? = nil, reason: String? = nil) {
        self.kind = kind
        self.reference = reference
        self.reason = reason
    }
}

enum HistoryWriter {
    /// `residentID` is nil for a record about no one person (an employer's headcount).
    static func record(
        residentID: Int64?, entity: EntityKind = .resident, entityID: String,
        changes: [(field: String, old: String?, new: String?)],
        by login: String, at timestamp: String, source: ChangeSource, in db: Database
    ) throws {
        for change in changes {
            var row = HistoryRecord(
                residentID: residentID, entity: entity.rawValue, entityID: entityID, field: change.field,
                oldValue: change.old, newValue: change.new, changedAt: timestamp, changedBy: login,
                source: source.kind, sourceRef: source.reference, reason: source.reason)
            try row.insertCached(db)
        }
    }

    /// A roster's person (an insurance member, a school student) linked to a resident, moved
    /// from one to another or unlinked: a row in each resident's history naming the roster
    /// entry, so what Kyosei knew of a person on a day includes which rosters it took for them.
    static func recordLink(
        entity: EntityKind, entityID: String, label: String, from old: Int64?, to new: Int64?,
        by login: String, at timestamp: String, source: ChangeSource, in db: Database
    ) throws {
        guard old != new else { return }
        if let old {
            try record(residentID: old, entity: entity, entityID: entityID, changes: [("link", label, nil)],
                       by: login, at: timestamp, source: source, in: db)
        }
        if let new {
            try record(residentID: new, entity: entity, entityID: entityID, changes: [("link", nil, label)],
                       by: login, at: timestamp, source: source, in: db)
        }
    }

    /// One row for each record `selecting` returns (`resident_id, entity_id, old_value`), all
    /// changing `field` to `new`: a change a file makes to many records at once, written by one
    /// statement rather than a row at a time.
    static func recordEach(
        _ entity: EntityKind, field: String, to new: String?, selecting: String, arguments: StatementArguments,
        by login: String, at timestamp: String, source: ChangeSource, in db: Database
    ) throws {
        try HistoryRecord.insertEach(entity: entity.rawValue, field: field, to: new, selecting: selecting, arguments: arguments,
                                     changedAt: timestamp, changedBy: login, source: source.kind, sourceRef: source.reference,
                                     reason: source.reason, in: db)
    }
}
