import ArgumentParser
import KyoseiServices

struct PersonLanguage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "A person's language history: every course asked for, seat, attendance, completion and levels.",
        discussion: """
            PERSON is taken as `resident show` takes it.
            Example:
              kyosei person language K12
              kyosei person language 12345678901 --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "K<number>, 11-digit person id or residence card number.") var person: String

    func run() async throws {
        let ref = try ResidentRef(person)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let history = try CourseResultsService(context: context).history(ref, by: staff)
        if output.json {
            try Output.json(history)
        } else if history.isEmpty {
            print("\(ref) has never asked for a seat in a course.")
        } else {
            LanguageHistoryTable.print(history, courseColumns: true)
        }
    }
}
