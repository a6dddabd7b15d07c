import ArgumentParser
import KyoseiServices

struct AuditKeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create an Ed25519 key pair for signing audit heads: FILE (private, owner-only) and FILE.pub.",
        discussion: """
            Example:
              kyosei audit keygen --out /etc/kyosei/audit-head.key
            """)
    @Option(help: "The private key file to create; the public key goes to FILE.pub.") var out: String

    func run() async throws {
        let publicKey = try AuditSigningKey.generate(at: out)
        print("Created the private key \(out) (mode 600) and the public key \(publicKey).")
    }
}
