import ArgumentParser
import KyoseiAPI
import KyoseiDomain
import KyoseiServices

struct ReviewLink: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Decide that the incoming person is this resident.",
        discussion: """
            The source's link follows (a roster member or student keeps the resident on every later \
            roster; a notification and its episodes point at them; a register row's resident takes over \
            the walk-in's roster links), the IDENTITY_REVIEW case is resolved, and the decision is audited.
            Example:
              kyosei review link R12 --resident K3407 --note "Same card on the paper form"
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The review (R<number>).") var id: String
    @Option(help: "The resident (K<number>, person id or card number).") var resident: String
    @Option(help: "Why (kept with the decision and on the case).") var note: String?

    func run() async throws {
        let review = try ReviewID(id).description
        let ref = try ResidentRef(resident).description
        let decided = try await APIConnection.call(global) { api in
            try await api.linkReview(path: .init(id: review), body: .json(.init(resident: ref, note: note))).ok.body.json
        }
        try ReviewCommand.printed(decided, json: output.json)
    }
}
