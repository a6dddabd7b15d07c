import Foundation

/// The night's work on the database, in the order that makes each step see the last one's
/// result: the register first (who lives here), then the partners' insurance, school and
/// employment files (recognised against that register), then the rules over all of it, and
/// last the count of the cases this run opened. The nightly script and `kyosei demo` both run
/// it; backup, `doctor` and the audit head stay in the script, outside the database's work.
public struct NightlyService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Applies every inbox under `inbox` (moving what it applied to the same kind's folder
    /// under `archive`), runs the rules, and counts the cases opened since it started. A file
    /// refused or failing is reported and the night goes on with the rest; so does a step that
    /// fails as a whole (its error is in `failed`).
    public func run(inbox: String, archive: String, by staff: StaffMember) -> NightSummary {
        let started = context.clock.timestamp()
        var seconds: [String: Double] = [:], failed: [String: String] = [:]
        func step<T>(_ name: String, orElse empty: T, _ work: () throws -> T) -> T {
            let start = Date()
            defer { seconds[name] = (Date().timeIntervalSince(start) * 100).rounded() / 100 }
            do {
                return try work()
            } catch {
                context.logger.error("nightly step failed", metadata: ["step": "\(name)", "error": "\(error)"])
                failed[name] = "\(error)"
                return empty
            }
        }
        func folders(_ kind: String) -> (from: String, to: String) {
            ((inbox as NSString).appendingPathComponent(kind), (archive as NSString).appendingPathComponent(kind))
        }
        let imports = FileImport(context: context)
        func files(_ kind: InboxKind) -> [ImportOutcome] {
            step(kind.rawValue, orElse: []) {
                let (from, to) = folders(kind.rawValue)
                return try imports.applyInbox(from, of: kind, archive: to, by: staff)
            }
        }
        var summary = NightSummary()
        summary.register = files(.register)
        summary.insurance = files(.insurance)
        summary.school = files(.school)
        summary.employment = files(.employment)
        summary.rules = step("rules", orElse: []) { try RulesService(context: context).run(by: staff) }
        summary.newCases = step("new cases", orElse: nil) { try CaseService(context: context).opened(since: started, by: staff) }
        summary.seconds = seconds
        summary.failed = failed
        return summary
    }
}
