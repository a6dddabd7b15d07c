import GRDB
import KyoseiDomain

/// What a register sync leaves for a person to look at: the residents it took out of the
/// register, those whose stay is about to end, and whether a row set aside has been overtaken.
public enum RegisterAttention {
    /// Residents no longer in the register whose state a register sync changed at or after
    /// `since` (everyone such when it is nil), by id.
    public static func leftRegister(since: String?, in db: Database) throws -> [ResidentRecord] {
        try ResidentRecord.fetchAll(db, sql: """
            SELECT * FROM resident WHERE register_state IN (?, ?, ?, ?)
            AND id IN (SELECT resident_id FROM history WHERE source = ? AND field = ? AND changed_at >= ?)
            ORDER BY id
            """, arguments: [RegisterState.leftRegister, RegisterState.movedOut, RegisterState.deceased,
                             RegisterState.deletedExOfficio, HistoryRecord.Source.registerSync.rawValue, "register_state",
                             since ?? ""])
    }

    /// Residents in the register (registered or abroad) whose stay ends from `first` to `last`,
    /// both included, the soonest first.
    public static func stayExpiring(from first: LocalDate, to last: LocalDate, in db: Database) throws -> [ResidentRecord] {
        try ResidentRecord.fetchAll(db, sql: """
            SELECT * FROM resident WHERE register_state IN (?, ?)
            AND stay_expiry_date BETWEEN ? AND ? ORDER BY stay_expiry_date, id
            """, arguments: [RegisterState.registered, RegisterState.abroad, first, last])
    }

    /// The register snapshot after `sequence` that last changed `person`, if one did: a row set
    /// aside from an earlier snapshot no longer says what the register holds.
    public static func changed(_ person: PersonID, after sequence: Int, in db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT register_sequence FROM resident WHERE person_id = ? AND register_sequence > ?",
                         arguments: [person, sequence])
    }
}
