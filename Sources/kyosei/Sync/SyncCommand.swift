import ArgumentParser
import KyoseiAPI
import KyoseiServices

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Apply the national register export and see what the night found.",
        discussion: """
            A file is refused whole (exit 3) when its manifest, hash, row count, municipality or \
            sequence is wrong; nothing of it is applied. Rows with bad values are set aside as \
            rejects (`kyosei rejects list`) and the good rows are applied.
            """,
        subcommands: [SyncRegister.self, SyncInbox.self, SyncAttention.self]
    )

    static func render(_ outcomes: [ImportOutcome], json: Bool) throws {
        if json {
            try Output.json(outcomes)
            return
        }
        outcomes.map(line).forEach { print($0) }
    }

    static func line(_ o: ImportOutcome) -> String {
        let r = o.register ?? RegisterCounts()
        let sequence = r.sequence.map { " (sequence \($0), \(r.kind ?? ""))" } ?? ""
        let events = r.events.isEmpty ? ""
            : "\n  events: " + r.events.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return ImportCommand.line(o, file: o.file + sequence) {
            "\($0.rows) rows, \($0.applied) applied, \($0.rejected) rejected; "
                + "\(r.created) new, \(r.changed) changed, \(r.unchanged) unchanged, \(r.linked) walk-ins linked, "
                + "\(r.leftRegister) left the register, \(r.identityReviews) identity reviews." + events
        }
    }
}

struct SyncRegister: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Apply one register export (its .manifest.json beside it).",
        discussion: """
            A snapshot that would take more than inbox.max_left_register_percent (default 5%) of \
            the residents in the register off it is held, not applied: an empty or cut-off export \
            looks exactly like that. Check it with the register office; if it is right, apply it \
            again with --accept-large-change (audited). The nightly job never does.
            Example:
              kyosei sync register inbox/REG-221309-000012.csv --json
            Exit 3 when the file is refused or held.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Check and apply everything, then roll it back.") var dryRun = false
    @Flag(help: "Apply a snapshot the plausibility guard held (it takes more than inbox.max_left_register_percent of residents off the register); audited.")
    var acceptLargeChange = false
    @Argument(help: "The REG-<municipality>-<sequence>.csv file.") var file: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let outcome = try FileImport(context: context).apply(file, as: .register, dryRun: dryRun, acceptLargeChange: acceptLargeChange, by: staff)
        try SyncCommand.render([outcome], json: output.json)
        if outcome.outcome == .refused || outcome.outcome == .held { throw ExitCode(3) }
    }
}

struct SyncInbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Apply every pending REG-* file in a folder in sequence order; archive what was applied.",
        discussion: """
            Refused files stay in the folder; the run goes on with the others and exits 3 if any \
            file was refused.
            Example:
              kyosei sync inbox /var/lib/kyosei/inbox/register --archive /var/lib/kyosei/archive/register --json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Where applied files are moved.") var archive: String?
    @Flag(help: "Check every file, keep nothing.") var dryRun = false
    @Argument(help: "The inbox folder.") var directory: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let outcomes = try FileImport(context: context).applyInbox(directory, of: .register, archive: archive, dryRun: dryRun, by: staff)
        if outcomes.isEmpty && !output.json { print("No register files waiting in \(directory).") }
        try SyncCommand.render(outcomes, json: output.json)
        if outcomes.contains(where: { $0.outcome == .refused || $0.outcome == .held }) { throw ExitCode(3) }
    }
}

struct SyncAttention: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attention",
        abstract: "What needs staff: who left the register, stays expiring soon, identity reviews, rejects.",
        discussion: "Example:\n  kyosei sync attention --since 2026-11-23 --json"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only departures recorded since this date or timestamp (default: all).") var since: String?

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let report = try AttentionService(context: context).report(since: since, by: staff)
        if output.json {
            try Output.json(AttentionJSON(report))
            return
        }
        print("Left the register (\(report.leftRegister.count)):")
        if !report.leftRegister.isEmpty {
            Output.table(ResidentPresentation.listHeader, report.leftRegister.map { ResidentPresentation.listRow(.init($0)) })
        }
        print("\nStays expiring by \(report.asOf.adding(days: report.windowDays)) (\(report.stayExpiring.count)):")
        if !report.stayExpiring.isEmpty {
            Output.table(ResidentPresentation.listHeader, report.stayExpiring.map { ResidentPresentation.listRow(.init($0)) })
        }
        print("\nIdentity reviews waiting (\(report.identityReviews.count)):")
        for review in report.identityReviews {
            print("  \(review.reviewID.map(String.init(describing:)) ?? "") \(review.source.rawValue.lowercased()): K\(review.residentID) may be \(review.candidateIDs): \(review.reason) [\(review.sourceRef)]")
        }
        if !report.identityReviews.isEmpty { print("  (kyosei review show R<number>; review link or review reject)") }
        print("\nRejected rows waiting: \(report.openRejects) (kyosei rejects list)")
    }
}

/// The attention report for programs: residents in the same shape as `resident list --json`.
struct AttentionJSON: Encodable {
    let as_of: String
    let window_days: Int
    let left_register: [Components.Schemas.Resident]
    let stay_expiring: [Components.Schemas.Resident]
    let identity_reviews: [[String: String]]
    let open_rejects: Int

    init(_ r: AttentionReport) {
        as_of = r.asOf.description
        window_days = r.windowDays
        left_register = r.leftRegister.map(Components.Schemas.Resident.init)
        stay_expiring = r.stayExpiring.map(Components.Schemas.Resident.init)
        identity_reviews = r.identityReviews.map {
            ["id": $0.reviewID.map(String.init(describing:)) ?? "", "kind": $0.source.rawValue.lowercased(),
             "resident": "K\($0.residentID)", "candidates": $0.candidateIDs, "reason": $0.reason, "source": $0.sourceRef]
        }
        open_rejects = r.openRejects
    }
}
