import GRDB
import KyoseiDomain
import KyoseiStore

/// The only code that creates or changes a case. Staff commands and the rules engine both come
/// through here, so every change leaves a case event saying who, when, from and to.
enum CaseWrites {
    static func open(_ record: inout CaseRecord, links: [(entity: EntityKind, id: String)], note: String?,
                     by login: String, at timestamp: String, in db: Database) throws {
        record.openedAt = timestamp
        record.openedBy = login
        record.updatedAt = timestamp
        try record.insert(db)
        var event = CaseEventRecord(caseID: record.id!, at: timestamp, by: login, kind: .opened,
                                    toValue: record.state.rawValue, note: note ?? record.cause)
        try event.insert(db)
        for link in links {
            try CaseLinkRecord(caseID: record.id!, entity: link.entity.rawValue, entityID: link.id).insert(db, onConflict: .ignore)
        }
    }

    /// Saves `updated` and records one event for the change it represents.
    static func change(from old: CaseRecord, to updated: inout CaseRecord, kind: CaseEventRecord.Kind,
                       from fromValue: String?, to toValue: String?, note: String?,
                       by login: String, at timestamp: String, in db: Database) throws {
        updated.updatedAt = timestamp
        try updated.update(db)
        var event = CaseEventRecord(caseID: old.id!, at: timestamp, by: login, kind: kind, fromValue: fromValue,
                                    toValue: toValue, note: note)
        try event.insert(db)
    }

    static func note(_ record: CaseRecord, text: String, by login: String, at timestamp: String, in db: Database) throws {
        var updated = record
        try change(from: record, to: &updated, kind: .note, from: nil, to: nil, note: text, by: login, at: timestamp, in: db)
    }

    /// Moves a case along its workflow, refusing a move the workflow does not allow.
    static func move(_ record: CaseRecord, to target: CaseState, outcome: CaseOutcome? = nil, note: String?,
                     by login: String, at timestamp: String, in db: Database) throws -> CaseRecord {
        guard record.state.canMove(to: target) else {
            let allowed = record.state.next.map(\.rawValue).sorted().joined(separator: ", ")
            throw ServiceError.conflict("Case \(record.id!) is \(record.state.rawValue); it can move to \(allowed), not \(target.rawValue).")
        }
        var updated = record
        updated.state = target
        switch target {
        case .resolved:
            guard let outcome else { throw ServiceError.usage("Resolving case \(record.id!) needs an outcome.") }
            updated.outcome = outcome
            updated.resolvedAt = timestamp
        case .closed:
            updated.closedAt = timestamp
        case .open, .inProgress, .waiting:
            updated.outcome = nil
            updated.resolvedAt = nil
            updated.closedAt = nil
        }
        let to = target == .resolved ? "\(target.rawValue) (\(outcome!.rawValue))" : target.rawValue
        try change(from: record, to: &updated, kind: .state, from: record.state.rawValue, to: to, note: note,
                   by: login, at: timestamp, in: db)
        return updated
    }
}
