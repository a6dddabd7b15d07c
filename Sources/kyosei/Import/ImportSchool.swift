import ArgumentParser
import KyoseiServices

struct ImportSchool: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "school",
        abstract: "Apply a school roster (SCH-<school year>-<term>.csv): recognise each child, record the term.",
        discussion: """
            Children are recognised by residence card number, else by Latin or katakana name, birth date \
            and sex; uncertain ones become identity reviews and stay unlinked, and children who are not \
            residents stay unmatched. A student number keeps its link from term to term, and a term sent \
            again replaces that term's rows. Exit 3 when the file is refused.
            Example:
              kyosei import school inbox/school/SCH-2026-T2.csv --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The SCH-<school year>-<term>.csv file.") var file: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let outcome = try FileImport(context: context).apply(file, as: .school, by: staff)
        try ImportCommand.report(outcome, json: output.json, line: Self.line)
    }

    static func line(_ outcome: ImportOutcome) -> String {
        ImportCommand.line(outcome) {
            let r = $0.roster ?? RosterCounts()
            return "\($0.rows) rows, \($0.applied) applied, \($0.rejected) rejected; \(r.known) known students, \(r.matched) matched, "
                + "\(r.review) to review, \(r.unmatched) not residents."
        }
    }
}
