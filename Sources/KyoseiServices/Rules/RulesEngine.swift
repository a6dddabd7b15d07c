import GRDB
import KyoseiDomain
import KyoseiStore

/// The one engine: runs each rule, opens a case for each new finding, leaves an existing case
/// for the same person, type and cause alone, reopens one the rule itself had closed when its
/// cause comes back, and notes (and, where configured, resolves) cases whose cause went away.
struct RulesEngine {
    let settings: Settings
    let login: String
    let timestamp: String

    func run(_ rule: any CaseRule, asOf: LocalDate, scope: Set<Int64>?, in db: Database) throws -> RuleRunSummary {
        var summary = RuleRunSummary(rule: rule.name, caseType: rule.caseType.rawValue)
        // The cases this run found, reopened or raised: a city's worth of ids, never its cases.
        var handled = Set<Int64>()
        try rule.evaluate(asOf: asOf, settings: settings, in: db) { finding in
            if let scope, !scope.contains(finding.residentID) { return }
            summary.found += 1
            let key = "\(rule.name)|K\(finding.residentID)|\(finding.cause)"
            if let existing = try RuleCaseState.fetchOne(db, key: key, rule: rule.name) {
                guard handled.insert(existing.id).inserted else { return }
                if existing.state.isActive {
                    summary.alreadyOpen += 1
                } else if existing.outcome == .causeGone, let record = try CaseRecord.fetchOne(db, key: existing.id) {
                    _ = try CaseWrites.move(record, to: .open, note: "The cause is back: \(finding.detail)",
                                            by: login, at: timestamp, in: db)
                    summary.reopened += 1
                }
                return
            }
            var record = CaseRecord(
                caseType: rule.caseType, residentID: finding.residentID, priority: finding.priority,
                team: settings.team(forDistrict: finding.district), dueDate: finding.dueDate, title: finding.title,
                cause: finding.detail, dedupKey: key, rule: rule.name, openedAt: "", openedBy: "", updatedAt: "")
            try CaseWrites.open(&record, links: finding.links, note: "Raised by rule \(rule.name): \(finding.detail)",
                                by: login, at: timestamp, in: db)
            handled.insert(record.id!)
            summary.raised += 1
            summary.residentIDs.append(finding.residentID)
        }
        let autoResolve = settings.autoResolveRules.contains(rule.name)
        for id in try RuleCaseState.causeGone(rule: rule.name, handled: handled, scope: scope, autoResolve: autoResolve, in: db) {
            guard let record = try CaseRecord.fetchOne(db, key: id) else { continue }
            var updated = record
            if record.causeGoneAt == nil {
                updated.causeGoneAt = timestamp
                try CaseWrites.change(from: record, to: &updated, kind: .causeGone, from: nil, to: nil,
                                      note: "Rule \(rule.name) no longer finds this cause.", by: login, at: timestamp, in: db)
                summary.causeGone += 1
            }
            if autoResolve {
                _ = try CaseWrites.move(updated, to: .resolved, outcome: .causeGone, note: "Resolved by rule \(rule.name): the cause went away.",
                                        by: login, at: timestamp, in: db)
                summary.autoResolved += 1
            }
        }
        return summary
    }
}

/// What one rule did in one run.
public struct RuleRunSummary: Sendable, Codable, Equatable {
    public var rule: String
    public var caseType: String
    public var found = 0
    public var raised = 0
    public var alreadyOpen = 0
    public var reopened = 0
    public var causeGone = 0
    public var autoResolved = 0
    /// Residents who got a new case (for the audit entry, not printed).
    var residentIDs: [Int64] = []

    init(rule: String, caseType: String) {
        self.rule = rule
        self.caseType = caseType
    }

    enum CodingKeys: String, CodingKey {
        case rule, found, raised, reopened
        case caseType = "case_type"
        case alreadyOpen = "already_open"
        case causeGone = "cause_gone"
        case autoResolved = "auto_resolved"
    }
}
