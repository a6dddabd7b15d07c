import ArgumentParser
import KyoseiServices

struct ImportEmployment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "employment",
        abstract: "Apply an employment report file (EMP-<date>.csv): hires and separations of foreign workers.",
        discussion: """
            Each notification is linked to its resident by residence card number; a card whose holder's \
            birth date or sex differ goes to an identity review instead. Hires open employment episodes, \
            separations close them; late reports, work not permitted, missing employment insurance and \
            an expired stay are recorded as findings, which `kyosei rules run` turns into cases.
            Example:
              kyosei import employment inbox/employment/EMP-2026-11-20.csv --json
            Exit 3 when the file is refused.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The EMP-<date>.csv file.") var file: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let o = try EmploymentImportService(context: context).apply(csvPath: file, by: staff)
        if output.json {
            try Output.json(o)
        } else {
            print(Self.line(o))
        }
        if o.outcome == .refused { throw ExitCode(3) }
    }

    static func line(_ outcome: EmploymentImportOutcome) -> String {
        ImportCommand.line(outcome) { o in
            "applied: \(o.rows) rows, \(o.applied) applied, \(o.rejected) rejected, \(o.duplicates) already on record; "
                + "\(o.linked) linked, \(o.review) identity reviews, \(o.unlinked) unknown cards; "
                + "\(o.episodesOpened) episodes opened, \(o.episodesClosed) closed."
                + (o.findings.isEmpty ? "" : "\n  findings: " + o.findings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }
}
