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
        let outcome = try SchoolImportService(context: context).apply(path: file, by: staff)
        if output.json {
            try Output.json(outcome)
        } else {
            print(Self.line(outcome))
        }
        if outcome.outcome == .refused { throw ExitCode(3) }
    }

    static func line(_ outcome: RosterImportOutcome) -> String {
        ImportCommand.line(outcome) {
            "\($0.rows) rows, \($0.applied) applied, \($0.rejected) rejected; \($0.known) known students, \($0.matched) matched, "
                + "\($0.review) to review, \($0.unmatched) not residents."
        }
    }
}
