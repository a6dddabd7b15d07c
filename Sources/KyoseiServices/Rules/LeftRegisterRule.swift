import GRDB
import KyoseiDomain
import KyoseiStore

/// A resident a register snapshot no longer lists, with no event saying why: the city may
/// still serve them (an overstayer keeps their rights to basic services), so a person looks.
/// Coming back to the register makes the cause go away; leaving again is a new cause.
struct LeftRegisterRule: CaseRule {
    let name = "LEFT_REGISTER"
    let caseType = CaseType.leftRegister

    func evaluate(asOf: LocalDate, settings: Settings, in db: Database, _ found: (RuleFinding) throws -> Void) throws {
        try Row.fetchCursor(db, sql: """
            SELECT r.id, r.district_code,
                   (SELECT max(h.changed_at) FROM history h WHERE h.resident_id = r.id AND h.field = 'register_state'
                    AND h.new_value = 'LEFT_REGISTER') AS since
            FROM resident r WHERE r.register_state = 'LEFT_REGISTER'
            """).forEach { row in
            let since = String((row["since"] as String? ?? "unknown").prefix(10))
            try found(RuleFinding(
                residentID: row["id"], cause: "left:\(since)", title: "Not in the register since \(since)",
                detail: "A register snapshot no longer lists this person and no event says why (moved, died, left Japan).",
                priority: .normal, dueDate: asOf.adding(days: 14),
                district: (row["district_code"] as String?).flatMap { try? DistrictCode($0) }))
        }
    }
}
