import ArgumentParser
import KyoseiAPI
import KyoseiServices

struct ResidentFind: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find residents by name (Latin, katakana or kanji, any order), id, card number or birth date.",
        discussion: """
            Words may be mixed: Latin fragments (any order, accents optional), katakana or kanji \
            fragments (full- or half-width), a birth date YYYY-MM-DD. Results are ranked.
            Example:
              kyosei resident find silva joao
              kyosei resident find ｼﾙﾊﾞ 1985-04-02
              kyosei resident find AB12345678CD
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Most results to show.") var limit = 20
    @Argument(parsing: .remaining, help: "What to look for.") var query: [String]

    func validate() throws {
        guard !query.isEmpty else { throw ArgumentParser.ValidationError("Give something to find: a name fragment, id, card number or birth date.") }
        guard (1...1000).contains(limit) else { throw ArgumentParser.ValidationError("--limit must be between 1 and 1000.") }
    }

    func run() async throws {
        let text = query.joined(separator: " ")
        let matches = try await APIConnection.call(global) { api in
            try await api.findResidents(query: .init(q: text, limit: limit)).ok.body.json
        }
        if output.json {
            try Output.json(matches)
        } else if matches.isEmpty {
            print("No resident matches.")
        } else {
            Output.table(ResidentPresentation.listHeader, matches.map(ResidentPresentation.listRow))
        }
    }
}
