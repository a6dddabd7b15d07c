import ArgumentParser
import KyoseiAPI
import KyoseiDomain

struct ReviewReject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Decide that the incoming person is none of the candidates.",
        discussion: """
            Nothing is linked; later files do not attach this person to these candidates automatically. \
            The IDENTITY_REVIEW case is resolved and the decision audited.
            Example:
              kyosei review reject R12 --note "Different mother's name on the school form; a new family"
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The review (R<number>).") var id: String
    @Option(help: "Why none of the candidates is this person (required).") var note: String

    func run() async throws {
        let review = try ReviewID(id).description
        let decided = try await APIConnection.call(global) { api in
            try await api.rejectReview(path: .init(id: review), body: .json(.init(note: note))).ok.body.json
        }
        try ReviewCommand.printed(decided, json: output.json)
    }
}
