import ArgumentParser
import KyoseiServices

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a verified backup back in place of the live database, keeping the database it replaces beside it.",
        discussion: """
            A file that fails verification, comes from a newer Kyosei or belongs to another municipality is \
            refused (exit 3) and nothing changes. The replaced database is kept as <database>.before-restore-<time>.
            Example:
              kyosei restore /var/backups/kyosei/kyosei-20261123.sqlite
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The backup file to restore.") var file: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let report = try BackupService(context: context).restore(from: file, by: staff)
        if output.json {
            try Output.json(report)
        } else {
            print("Restored \(report.file) (audit head \(report.verification.auditHead ?? "(empty)")); the database it replaced is kept at \(report.kept).")
        }
    }
}
