import ArgumentParser
import KyoseiServices

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the live database while staff keep working, verify the copy, and only then report success.",
        discussion: """
            The copy is made with SQLite's online backup, checked (integrity, schema, municipality, audit chain) \
            and created readable by its owner only (or the files.staff_group). Exit 3 if the copy fails verification.
            Example:
              kyosei backup --out /var/backups/kyosei/kyosei-20261123.sqlite --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The new backup file (must not exist).") var out: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let report = try BackupService(context: context).backup(to: out, by: staff)
        if output.json {
            try Output.json(report)
        } else {
            print("Backed up to \(report.file) (\(report.bytes / 1024) KiB), verified: audit head \(report.verification.auditHead ?? "(empty)").")
        }
    }
}
