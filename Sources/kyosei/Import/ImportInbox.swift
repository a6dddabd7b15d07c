import ArgumentParser
import KyoseiServices

struct ImportInbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "Apply every file waiting in a partner's inbox folder, in the order they must be applied; archive what was applied.",
        discussion: """
            Insurance rosters go by date, school rosters by school year and term, employment reports by \
            date. A refused file stays in the folder with its reason; a file that fails for any other \
            reason is reported the same way; the others are still applied. Exit 3 if any file was refused.
            Example:
              kyosei import inbox /var/lib/kyosei/inbox/insurance --kind insurance --archive /var/lib/kyosei/archive/insurance --json
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case insurance, school, employment

        var inbox: InboxKind {
            switch self {
            case .insurance: .insurance
            case .school: .school
            case .employment: .employment
            }
        }

        var line: (ImportOutcome) -> String {
            switch self {
            case .insurance: ImportInsurance.line
            case .school: ImportSchool.line
            case .employment: ImportEmployment.line
            }
        }
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The kind of file the folder holds: insurance, school or employment.") var kind: Kind
    @Option(help: "Where applied files are moved.") var archive: String?
    @Argument(help: "The inbox folder.") var directory: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let outcomes = try FileImport(context: context).applyInbox(directory, of: kind.inbox, archive: archive, by: staff)
        if output.json {
            try Output.json(outcomes)
        } else if outcomes.isEmpty {
            print("No \(kind.rawValue) files waiting in \(directory).")
        } else {
            outcomes.map(kind.line).forEach { print($0) }
        }
        if outcomes.contains(where: { $0.outcome == .refused || $0.outcome == .held }) { throw ExitCode(3) }
    }
}
