import ArgumentParser
import KyoseiDomain
import KyoseiAPI
import KyoseiServices

struct HouseholdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "household",
        abstract: "Show households.",
        subcommands: [HouseholdShow.self]
    )
}

struct HouseholdShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "List the members of a household.",
        discussion: "Example:\n  kyosei household show 2000000001")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Household id (10 digits).") var household: String

    func run() async throws {
        let id = try HouseholdID(household).rawValue
        let members = try await APIConnection.call(global) { api in
            try await api.showHousehold(path: .init(householdId: id)).ok.body.json
        }
        if output.json {
            try Output.json(members)
        } else {
            Output.table(ResidentPresentation.listHeader, members.map(ResidentPresentation.listRow))
        }
    }
}
