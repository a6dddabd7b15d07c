import KyoseiDomain
import KyoseiStore

/// `rules run`: every rule for everyone (or for the residents a file touched), in one
/// transaction, audited; `dryRun` reports what would happen and keeps nothing.
public struct RulesService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    public func run(asOf: LocalDate? = nil, residents scope: Set<Int64>? = nil, dryRun: Bool = false,
                    by staff: StaffMember) throws -> [RuleRunSummary] {
        let date = asOf ?? context.clock.today
        defer { if !dryRun { try? context.database.optimize() } }
        return try context.perform(.rulesRun, by: staff, action: dryRun ? .rulesRunDryRun : .rulesRun,
                                   entity: .cases, rollback: dryRun) { db, audit in
            let engine = RulesEngine(settings: context.settings, login: staff.login, timestamp: context.clock.timestamp())
            let summaries = try RuleCatalog.all.map { try engine.run($0, asOf: date, scope: scope, in: db) }
            audit.residentIDs = summaries.flatMap(\.residentIDs)
            audit.detail = "as_of=\(date) " + summaries.map { "\($0.rule):+\($0.raised)/-\($0.autoResolved)" }.joined(separator: " ")
            return summaries
        }
    }
}
