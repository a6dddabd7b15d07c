import ArgumentParser
import KyoseiServices

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the database, the audit chain and the nightly work; exit 0 only when all is well.",
        discussion: """
            Checks the schema, SQLite's integrity and foreign keys, the WAL, the audit chain, the last file \
            of each kind applied, files waiting in the inbox and rejects waiting for staff. A problem exits 3 and \
            is named; a warning (rejects waiting) is shown but does not fail. For monitors and the nightly job.
            Example:
              kyosei doctor --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let report = try DoctorService(context: context).examine(by: staff)
        if output.json {
            try Output.json(report)
        } else {
            Output.table(["CHECK", "STATUS", "DETAIL"], report.checks.map {
                [$0.name, $0.status == .ok ? $0.status.rawValue : Output.alert($0.status.rawValue), $0.detail]
            })
        }
        guard report.isHealthy else {
            throw ServiceError.dataRefused("Kyosei is not healthy: " + report.problems.map { "\($0.name): \($0.detail)" }.joined(separator: "; ") + ".")
        }
    }
}
