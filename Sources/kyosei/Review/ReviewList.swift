import ArgumentParser
import KyoseiAPI

struct ReviewList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "The open identity reviews, oldest first.",
        discussion: """
            Example:
              kyosei review list
              kyosei review list --source insurance --json
              kyosei review list --source employment --decided
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only reviews from register, insurance, school, employment or attendance.") var source: String?
    @Flag(help: "Include the reviews already decided.") var decided = false
    @Option(help: "Most reviews to list.") var limit = 500

    func run() async throws {
        let chosen: Operations.ListReviews.Input.Query.SourcePayload? = try choice(source, field: "source")
        let reviews = try await APIConnection.call(global) { api in
            try await api.listReviews(query: .init(source: chosen, decided: decided, limit: limit)).ok.body.json
        }
        if output.json {
            try Output.json(reviews)
        } else if reviews.isEmpty {
            print("No identity reviews waiting.")
        } else {
            Output.table(["ID", "SOURCE", "STATE", "RAISED ON", "CANDIDATES", "REASON", "FROM"], reviews.map(ReviewCommand.line))
        }
    }
}
