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
        try RuleSubject.leftRegister(in: db).forEach { subject in
            let since = String((subject.date ?? "unknown").prefix(10))
            try found(RuleFinding(
                residentID: subject.id, cause: "left:\(since)", title: "Not in the register since \(since)",
                detail: "A register snapshot no longer lists this person and no event says why (moved, died, left Japan).",
                priority: .normal, dueDate: asOf.adding(days: 14),
                district: subject.districtCode.flatMap { try? DistrictCode($0) }))
        }
    }
}
