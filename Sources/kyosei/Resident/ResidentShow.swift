import ArgumentParser
import KyoseiServices

struct ResidentShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one resident and their household.",
        discussion: "Example:\n  kyosei resident show K12\n  kyosei resident show 10000000017\n  kyosei resident show AB12345678CD"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "K<number>, an 11-digit person id, or a residence card number.") var resident: String

    func run() async throws {
        let ref = try ResidentRef(resident)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let detail = try ResidentService(context: context).show(ref, by: staff)
        if output.json {
            var object = ResidentPresentation.json(detail.resident)
            object["household_members"] = detail.household.map(\.reference).joined(separator: ",")
            try Output.json(object)
            return
        }
        Output.fields(ResidentPresentation.detail(detail.resident))
        if !detail.household.isEmpty {
            print("")
            Output.table(["ID", "RELATIONSHIP", "NAME", "BORN", "STATE"], detail.household.map {
                [$0.reference, $0.relationship?.rawValue ?? "", $0.nameLatin, $0.birthDate.description, $0.registerState.rawValue]
            })
        }
    }
}
