import ArgumentParser
import KyoseiServices

struct AuditHeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "head",
        abstract: "Print the audit chain's head (N:HASH), signed with audit.signing_key_file when one is configured.",
        discussion: """
            Write it somewhere the database's host cannot rewrite; later, `audit verify --expect-head` proves \
            the chain still holds it.
            Example:
              kyosei audit head --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let head = try AuditAnchorService(context: context).head(by: staff)
        if output.json {
            try Output.json(head)
        } else {
            print(head.signature.map { "\(head.head) \($0)" } ?? head.head)
        }
    }
}
