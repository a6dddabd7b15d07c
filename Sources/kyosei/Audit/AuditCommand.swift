import ArgumentParser
import Foundation
import KyoseiAPI
import KyoseiDomain
import KyoseiServices

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Read and verify the tamper-evident audit log.",
        subcommands: [AuditVerify.self, AuditLog.self, AuditHeadCommand.self, AuditKeygenCommand.self, AuditSignCommand.self])
}

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the hash chain; exit 3 and name the first broken entry if any was changed, removed or inserted.",
        discussion: """
            With --expect-head (from an earlier `audit head`), also exit 3 when the chain no longer holds that \
            entry with that hash: its newest entries were cut off or rewritten. With --signature and --public-key, \
            the head's signature is checked first.
            Example:
              kyosei audit verify --json
              kyosei audit verify --expect-head 1234:9f86d0… --signature MEUC… --public-key audit-head.key.pub
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "A head N:HASH written down earlier that the chain must still hold.") var expectHead: String?
    @Option(help: "The base64 signature of the expected head (needs --public-key).") var signature: String?
    @Option(help: "The public key file matching audit.signing_key_file.") var publicKey: String?

    func validate() throws {
        if (signature == nil) != (publicKey == nil) || (signature != nil && expectHead == nil) {
            throw ArgumentParser.ValidationError("--signature and --public-key go together, with --expect-head.")
        }
    }

    func run() async throws {
        let anchor = try parsed(expectHead, AuditAnchor.init)?.description
        // The server cannot read the caller's files: the key travels as its contents.
        let key = try publicKey.map { path -> String in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ServiceError.usage("The key file \(path) cannot be read.")
            }
            return data.count == 32 ? data.base64EncodedString() : String(decoding: data, as: UTF8.self)
        }
        let result = try await APIConnection.call(global) { api in
            try await api.verifyAudit(body: .json(.init(expectHead: anchor, signature: signature, publicKey: key))).ok.body.json
        }
        if output.json {
            try Output.json(result)
        } else if result.intact {
            print("The audit log is intact: \(result.entries) entries, head \(result.head ?? "(empty)").")
        }
        if result.spooled > 0 && !output.json {
            print("\(result.spooled) entries of reads wait in the audit spool; they join the chain at the next write.")
        }
        if let problem = result.problem {
            throw ServiceError.dataRefused("The audit log is broken: \(problem).")
        }
    }
}

struct AuditLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Show audit entries, newest last.",
        discussion: "Example:\n  kyosei audit log --person K12 --since 2026-11-01")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only entries about this resident.") var person: String?
    @Option(help: "Only entries by this login.") var staff: String?
    @Option(help: "Only entries on or after this date (YYYY-MM-DD).") var since: String?
    @Option(help: "Most entries to show.") var limit = 200

    func run() async throws {
        let query = Operations.AuditLog.Input.Query(
            person: try parsed(person, ResidentRef.init)?.description, staff: staff,
            since: try parsed(since) { try LocalDate($0, field: "since").description }, limit: limit)
        let entries = try await APIConnection.call(global) { api in try await api.auditLog(query: query).ok.body.json }
        if output.json {
            try Output.json(entries)
        } else {
            Output.table(["SEQ", "AT", "STAFF", "ACTION", "RECORDS", "DETAIL"], entries.map {
                [String($0.seq), $0.at, $0.staff, $0.action, $0.records.count > 40 ? String($0.records.prefix(37)) + "..." : $0.records, $0.detail]
            })
        }
    }
}
