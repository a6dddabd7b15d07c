import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read and verify the tamper-evident audit log.",
        subcommands: [AuditVerify.self, AuditLog.self])
}

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the hash chain; exit 3 and name the first broken entry if any was changed, removed or inserted.",
        discussion: "Example:\n  kyosei audit verify --json")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let result = try AuditService(context: context).verify(by: staff)
        if output.json {
            try Output.json(["intact": result.isIntact ? "yes" : "no", "entries": String(result.entries),
                             "head": result.head ?? "", "first_broken": result.firstBrokenSeq.map(String.init) ?? "",
                             "problem": result.problem ?? ""])
        } else if result.isIntact {
            print("The audit log is intact: \(result.entries) entries, head \(result.head ?? "(empty)").")
        }
        if let problem = result.problem {
            throw ServiceError.dataRefused("The audit log is broken: \(problem).")
        }
    }
}

struct AuditLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Show audit entries, newest last.",
        discussion: "Example:\n  kyosei audit log --person K12 --since 2026-11-01")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only entries about this resident.") var person: String?
    @Option(help: "Only entries by this login.") var staff: String?
    @Option(help: "Only entries on or after this date (YYYY-MM-DD).") var since: String?
    @Option(help: "Most entries to show.") var limit = 200

    func run() async throws {
        let filter = AuditFilter(
            person: try parsed(person, ResidentRef.init), staff: staff,
            since: try parsed(since) { try LocalDate($0, field: "since") }, limit: limit)
        let (context, member) = try await CommandEnvironment.load(global).session()
        let entries = try AuditService(context: context).log(filter, by: member)
        if output.json {
            try Output.json(entries.map {
                ["seq": String($0.seq), "at": $0.at, "staff": $0.staffLogin, "action": $0.action, "entity": $0.entity,
                 "records": $0.recordIDs, "detail": $0.detail, "hash": $0.hash]
            })
        } else {
            Output.table(["SEQ", "AT", "STAFF", "ACTION", "RECORDS", "DETAIL"], entries.map {
                [String($0.seq), $0.at, $0.staffLogin, $0.action, $0.recordIDs.count > 40 ? String($0.recordIDs.prefix(37)) + "..." : $0.recordIDs, $0.detail]
            })
        }
    }
}
