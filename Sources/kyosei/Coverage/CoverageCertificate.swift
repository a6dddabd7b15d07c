import ArgumentParser
import KyoseiAPI
import KyoseiDomain
import KyoseiServices

/// `coverage certificate`: a certificate of coverage a seconded worker holds, from the copy the
/// employer files with the Japan Pension Service; it exempts for its period only.
struct CoverageCertificate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificate", abstract: "Record a certificate of coverage (social-security agreement) with its period.",
        discussion: """
            The person is exempt from the Japanese branches the agreement with --country covers \
            (pension always; health for the US and a few others) from --from to --until.
            Example:
              kyosei coverage certificate K12 --country US --from 2026-04-01 --until 2031-03-31 --reason "employer's filing"
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "K<number>, person id or card number.") var person: String
    @Option(help: "The issuing country (two letters).") var country: String
    @Option(help: "First day it covers.") var from: String
    @Option(help: "Last day it covers.") var until: String
    @Option(help: "Where it comes from.") var reason: String

    func run() async throws {
        let ref = try ResidentRef(person).description
        // The server checks the country and the days against the city's agreement table.
        let country = try Nationality(country.uppercased())
        let first = try LocalDate(from, field: "from"), last = try LocalDate(until, field: "until")
        let facts = try await APIConnection.call(global) { api in
            try await api.addCoverageCertificate(
                path: .init(ref: ref),
                body: .json(.init(country: country.rawValue, from: first.description, until: last.description, reason: reason))).ok.body.json
        }
        try CoverageFacts.print(facts, json: output.json)
    }
}
