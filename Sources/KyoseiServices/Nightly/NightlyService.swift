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
    /// refused or failing is reported and the night goes on with the rest.
    public func run(inbox: String, archive: String, by staff: StaffMember) throws -> NightSummary {
        let started = context.clock.timestamp()
        func folders(_ kind: String) -> (String, String) {
            ((inbox as NSString).appendingPathComponent(kind), (archive as NSString).appendingPathComponent(kind))
        }
        var seconds: [String: Double] = [:]
        func timed<T>(_ step: String, _ work: () throws -> T) rethrows -> T {
            let start = Date()
            defer { seconds[step] = (Date().timeIntervalSince(start) * 100).rounded() / 100 }
            return try work()
        }
        let imports = InboxImportService(context: context)
        let (registerInbox, registerArchive) = folders("register")
        let register = try timed("register") {
            FileManager.default.fileExists(atPath: registerInbox)
                ? try RegisterSyncService(context: context).applyInbox(directory: registerInbox, archive: registerArchive, by: staff)
                : []
        }
        let insurance = try timed("insurance") {
            let (from, to) = folders("insurance")
            return try imports.insurance(directory: from, archive: to, by: staff)
        }
        let school = try timed("school") {
            let (from, to) = folders("school")
            return try imports.school(directory: from, archive: to, by: staff)
        }
        let employment = try timed("employment") {
            let (from, to) = folders("employment")
            return try imports.employment(directory: from, archive: to, by: staff)
        }
        let rules = try timed("rules") { try RulesService(context: context).run(by: staff) }
        var summary = NightSummary(newCases: try CaseService(context: context).opened(since: started, by: staff))
        summary.register = register
        summary.insurance = insurance
        summary.school = school
        summary.employment = employment
        summary.rules = rules
        summary.seconds = seconds
        return summary
    }
}
