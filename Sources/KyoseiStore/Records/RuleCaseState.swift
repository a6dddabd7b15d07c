import GRDB
import KyoseiDomain

/// What the engine must know of a case a rule raised to decide what to do with it. A big city
/// carries hundreds of thousands of such cases, so the engine looks one up by its key when a
/// finding asks for it and reads a whole case only to change it.
public struct RuleCaseState: Decodable, FetchableRecord, Sendable {
    public let id: Int64
    public let state: CaseState
    public let outcome: CaseOutcome?

    /// The case the rule raised for this key, found through the unique `cases_dedup` index.
    public static func fetchOne(_ db: Database, key: String, rule: String) throws -> RuleCaseState? {
        try fetchOne(db.cachedStatement(sql: "SELECT id, state, outcome FROM cases WHERE dedup_key = ? AND rule = ?"),
                     arguments: [key, rule])
    }

    /// The rule's active cases (in the residents of `scope`) this run did not find again and that
    /// still need an action: the cause-gone note not yet written, or resolving. Read as a cursor
    /// and kept as ids, because the engine changes these rows only after the cursor is done.
    public static func causeGone(rule: String, handled: Set<Int64>, scope: Set<Int64>?, autoResolve: Bool,
                                 in db: Database) throws -> [Int64] {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, resident_id, cause_gone_at IS NOT NULL AS noted FROM cases
            WHERE rule = ? AND state IN (?, ?, ?) AND dedup_key IS NOT NULL
            """, arguments: [rule, CaseState.open, CaseState.inProgress, CaseState.waiting])
        var ids: [Int64] = []
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            if handled.contains(id) || (!autoResolve && row["noted"] as Bool) { continue }
            if let scope, let resident = row["resident_id"] as Int64?, !scope.contains(resident) { continue }
            ids.append(id)
        }
        return ids
    }
}
