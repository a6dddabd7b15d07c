import ArgumentParser
import KyoseiAPI
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
        let ref = try ResidentRef(resident).description
        let detail = try await APIConnection.call(global) { api in
            try await api.showResident(path: .init(ref: ref)).ok.body.json
        }
        if output.json {
            try Output.json(detail)
            return
        }
        Output.fields(ResidentPresentation.detail(detail.resident))
        if !detail.household.isEmpty {
            print("")
            Output.table(["ID", "RELATIONSHIP", "NAME", "BORN", "STATE"], detail.household.map {
                [$0.reference, $0.relationship ?? "", $0.nameLatin, $0.birthDate, $0.registerState]
            })
        }
    }
}
