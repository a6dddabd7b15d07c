import ArgumentParser
import KyoseiAPI
import KyoseiServices

/// `coverage withdraw-certificate`: takes back a certificate recorded for the wrong person or
/// cancelled by the pension office. It stays on record, marked withdrawn, so a past night's
/// decision can still be explained; from now on the rules read the person as uncertified.
struct CoverageWithdrawCertificate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw-certificate", abstract: "Withdraw a certificate of coverage recorded by mistake or cancelled.",
        discussion: """
            ID is the certificate's number in `kyosei coverage facts`. The person is again under \
            the obligations it exempted, from the next rules run. Audited and kept in the history.
            Example:
              kyosei coverage withdraw-certificate K12 3 --reason "recorded for the wrong person"
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "K<number>, person id or card number.") var person: String
    @Argument(help: "The certificate's number, as `coverage facts` lists it.") var id: Int64
    @Option(help: "Why it is withdrawn.") var reason: String

    func run() async throws {
        let ref = try ResidentRef(person).description
        let facts = try await APIConnection.call(global) { api in
            try await api.withdrawCoverageCertificate(path: .init(ref: ref, id: id), body: .json(.init(reason: reason))).ok.body.json
        }
        try CoverageFacts.print(facts, json: output.json)
    }
}
