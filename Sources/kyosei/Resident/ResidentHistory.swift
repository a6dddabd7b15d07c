import ArgumentParser
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
        let ref = try ResidentRef(resident)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let (record, rows) = try ResidentService(context: context).history(ref, by: staff)
        if output.json {
            try Output.json(rows.map {
                ["field": $0.field, "old_value": $0.oldValue ?? "", "new_value": $0.newValue ?? "", "changed_at": $0.changedAt,
                 "changed_by": $0.changedBy, "source": $0.source.rawValue, "source_ref": $0.sourceRef ?? "", "reason": $0.reason ?? ""]
            })
            return
        }
        print("History of \(record.nameLatin) (\(record.reference))")
        Output.table(["WHEN", "WHO", "SOURCE", "FIELD", "FROM", "TO", "WHY"], rows.map {
            [$0.changedAt, $0.changedBy, [$0.source.rawValue, $0.sourceRef].compactMap { $0 }.joined(separator: " "),
             $0.field, $0.oldValue ?? "", $0.newValue ?? "", $0.reason ?? ""]
        })
    }
}
