import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Run the rules that raise cases.", subcommands: [RulesRun.self])
}

struct RulesRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Evaluate every rule and raise the cases it finds (never a second case for the same cause).",
        discussion: """
            Rules: \(RuleCatalog.all.map(\.name).joined(separator: ", ")). A case whose cause went away is
            noted, and resolved by itself for the rules in rules.auto_resolve.
            Example:
              kyosei rules run --as-of 2026-12-01 --dry-run --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Evaluate as of this date (default: today).") var asOf: String?
    @Flag(help: "Report what would happen; keep nothing.") var dryRun = false

    func run() async throws {
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let summaries = try RulesService(context: context).run(asOf: date, dryRun: dryRun, by: staff)
        if output.json {
            try Output.json(summaries)
            return
        }
        if dryRun { print("Dry run: nothing was kept.") }
        Output.table(["RULE", "FOUND", "RAISED", "ALREADY OPEN", "REOPENED", "CAUSE GONE", "AUTO-RESOLVED"], summaries.map {
            [$0.rule, String($0.found), String($0.raised), String($0.alreadyOpen), String($0.reopened), String($0.causeGone),
             String($0.autoResolved)]
        })
    }
}
