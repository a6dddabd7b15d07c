import ArgumentParser
import KyoseiServices

struct AuditSignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign an audit head with a private key, without a database: for a signing host apart from the database's.",
        discussion: """
            Example:
              kyosei audit sign 1234:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 --key /etc/kyosei/audit-head.key
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The head as `audit head` prints it: N:HASH.") var head: String
    @Option(help: "The private key file.") var key: String

    func run() async throws {
        let anchor = try AuditAnchor(head)
        let environment = try await CommandEnvironment.load(global)
        print("\(anchor) " + (try AuditSigningKey.sign(anchor, municipality: environment.settings.municipalityCode, keyFile: key)))
    }
}
