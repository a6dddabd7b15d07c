import ArgumentParser
import KyoseiDomain
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
        let filter = ResidentFilter(
            state: try parsed(state) { try RegisterState(code: $0) }, district: try parsed(district, DistrictCode.init),
            nationality: try parsed(nationality, Nationality.init), household: try parsed(household, HouseholdID.init),
            limit: limit)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let records = try ResidentService(context: context).list(filter, by: staff)
        if output.json {
            try Output.json(records.map(ResidentPresentation.json))
        } else {
            Output.table(ResidentPresentation.listHeader, records.map(ResidentPresentation.listRow))
        }
    }
}
