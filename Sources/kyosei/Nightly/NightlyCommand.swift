import ArgumentParser
import Foundation
import KyoseiServices

struct NightlyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nightly",
        abstract: "The nightly job's work on the database (Scripts/nightly-reconcile.sh runs it).",
        subcommands: [NightlyRun.self])
}

struct NightlyRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Apply every inbox (register, insurance, school, employment), run the rules, print the morning summary.",
        discussion: """
            Files are read from <inbox>/<kind> and applied ones moved to <archive>/<kind>: the register \
            exports in sequence order, then insurance rosters by date, school rosters by term and \
            employment reports by date. A refused or failing file stays in its inbox and is listed with \
            its reason; the others are still applied. Then the rules run, and the summary says what \
            changed, what was refused, and the cases opened by type and team. Exit 3 if a file was refused,
            4 if a step failed as a whole (the steps after it still ran; its error is in the summary).
            Example:
              kyosei nightly run --json-file /var/log/kyosei/night.json
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The inbox folder (default: inbox.directory).") var inbox: String?
    @Option(help: "The archive folder (default: inbox.archive).") var archive: String?
    @Option(help: "Also write the summary as JSON to this file.") var jsonFile: String?

    func run() async throws {
        let environment = try await CommandEnvironment.load(global)
        let (context, staff) = try environment.session()
        let file = try jsonFile.map { try OutputFile($0, mode: context.settings.privateFileMode) }
        let summary = NightlyService(context: context).run(
            inbox: inbox ?? environment.settings.inboxDirectory, archive: archive ?? environment.settings.archiveDirectory, by: staff)
        try file?.write(try Output.jsonData(summary))
        if output.json {
            try Output.json(summary)
        } else {
            MorningSummary.print(summary)
        }
        if !summary.failed.isEmpty { throw ExitCode(4) }
        if !summary.refused.isEmpty { throw ExitCode(3) }
    }
}
