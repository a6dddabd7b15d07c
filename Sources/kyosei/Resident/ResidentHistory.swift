import ArgumentParser
import KyoseiAPI
import KyoseiServices

struct ResidentHistory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show every change to a resident's record: what, from, to, when, who and why.",
        discussion: "Example:\n  kyosei resident history K12"
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "K<number>, person id or card number.") var resident: String

    func run() async throws {
        let ref = try ResidentRef(resident).description
        let history = try await APIConnection.call(global) { api in
            try await api.residentHistory(path: .init(ref: ref)).ok.body.json
        }
        if output.json {
            try Output.json(history)
            return
        }
        print("History of \(history.nameLatin) (\(history.reference))")
        // A change to something about the person (a school term, a seat, a roster link) names it.
        Output.table(["WHEN", "WHO", "SOURCE", "FIELD", "FROM", "TO", "WHY"], history.changes.map {
            [$0.changedAt, $0.changedBy, [$0.source, $0.sourceRef].compactMap { $0 }.joined(separator: " "),
             $0.entity == "resident" ? $0.field : "\($0.entity) \($0.entityId): \($0.field)", $0.oldValue ?? "", $0.newValue ?? "", $0.reason ?? ""]
        })
    }
}
