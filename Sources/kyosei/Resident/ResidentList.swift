import ArgumentParser
import KyoseiDomain
import KyoseiAPI
import KyoseiServices

struct ResidentList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List residents, optionally filtered.",
        discussion: "Example:\n  kyosei resident list --state LEFT_REGISTER --district D07 --json"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Register state, such as REGISTERED or LEFT_REGISTER.") var state: String?
    @Option(help: "District code.") var district: String?
    @Option(help: "Nationality code.") var nationality: String?
    @Option(help: "Household id.") var household: String?
    @Option(help: "Most residents to list (default: all).") var limit: Int?

    func run() async throws {
        let query = Operations.ListResidents.Input.Query(
            state: try parsed(state) { Components.Schemas.RegisterState(rawValue: try RegisterState(code: $0).rawValue)! }, district: try parsed(district, DistrictCode.init)?.rawValue,
            nationality: try parsed(nationality, Nationality.init)?.rawValue, household: try parsed(household) { try HouseholdID($0) }?.rawValue,
            limit: limit)
        let records = try await APIConnection.call(global) { api in try await api.listResidents(query: query).ok.body.json }
        if output.json {
            try Output.json(records)
        } else {
            Output.table(ResidentPresentation.listHeader, records.map(ResidentPresentation.listRow))
        }
    }
}
