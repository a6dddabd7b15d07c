import GRDB

/// Who changed something, when and from which source, carried by a call that writes several
/// history rows (a roster's members, a review decision).
struct HistoryStamp {
    let login: String
    let timestamp: String
    let source: ChangeSource

    /// The link history of row `subject` of `entity`'s table, from its resident now to `resident`.
    func relink(_ entity: EntityKind, _ subject: String, label: String, to resident: Int64?, in db: Database) throws {
        let before = try Table(entity.rawValue).filter(key: subject).select(Column("resident_id"), as: Int64.self).fetchOne(db)
        try HistoryWriter.recordLink(entity: entity, entityID: subject, label: label, from: before, to: resident,
                                     by: login, at: timestamp, source: source, in: db)
    }
}
