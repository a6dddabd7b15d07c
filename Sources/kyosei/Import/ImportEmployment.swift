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
        let outcome = try FileImport(context: context).apply(file, as: .employment, by: staff)
        try ImportCommand.report(outcome, json: output.json, line: Self.line)
    }

    static func line(_ outcome: ImportOutcome) -> String {
        ImportCommand.line(outcome) { o in
            let e = o.employment ?? NotificationCounts()
            return "\(o.rows) rows, \(o.applied) applied, \(o.rejected) rejected, \(e.duplicates) already on record; "
                + "\(e.linked) linked, \(e.review) identity reviews, \(e.unlinked) unknown cards; "
                + "\(e.episodesOpened) episodes opened, \(e.episodesClosed) closed."
                + (e.findings.isEmpty ? "" : "\n  findings: " + e.findings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }
}
