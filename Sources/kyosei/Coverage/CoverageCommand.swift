import ArgumentParser
import KyoseiAPI
import KyoseiDomain
import KyoseiServices

struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Social-insurance coverage of a person, the gaps to act on, confirming a member.",
        subcommands: [CoverageShow.self, CoverageGaps.self, CoverageLink.self, CoverageFacts.self, CoverageCertificate.self,
                      CoverageWithdrawCertificate.self])
}

struct CoverageShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A person's enrollments and whether each obligation is met.",
        discussion: "Example:\n  kyosei coverage show K12 --as-of 2026-11-01")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "As of this date (default: today).") var asOf: String?
    @Argument(help: "K<number>, person id or card number.") var person: String

    func run() async throws {
        let ref = try ResidentRef(person).description
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }?.description
        let coverage = try await APIConnection.call(global) { api in
            try await api.showCoverage(path: .init(ref: ref), query: .init(asOf: date)).ok.body.json
        }
        if output.json {
            try Output.json(coverage)
            return
        }
        print("\(coverage.resident.reference) \(coverage.resident.nameLatin), as of \(coverage.asOf)")
        if coverage.obligations.isEmpty { print("No obligation is evaluated (not registered, or no roster loaded yet).") }
        for o in coverage.obligations {
            print("  \(o.obligation): " + (o.covered ? "covered" : Output.alert("GAP")))
        }
        for e in coverage.exemptions {
            print("  \(e.obligation): not under it. \(e.reason)")
        }
        if !coverage.enrollments.isEmpty {
            print("")
            Output.table(["SCHEME", "TYPE", "FROM", "UNTIL", "EXEMPT", "ACTIVE"], coverage.enrollments.map {
                [$0.scheme, $0.memberType, $0.from, $0.until ?? "", $0.agreementExempt ? "Y" : "N", $0.active ? "yes" : "no"]
            })
        }
    }
}

struct CoverageGaps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps", abstract: "Registered residents under an obligation no enrollment meets.",
        discussion: "Example:\n  kyosei coverage gaps --scheme pension --json")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "As of this date (default: today).") var asOf: String?
    @Option(help: "health, pension, employment or employer.") var scheme: String?
    @Option(help: "Most gaps to list.") var limit = 500

    func run() async throws {
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }?.description
        let obligation: Operations.ListCoverageGaps.Input.Query.SchemePayload? = try choice(scheme, field: "scheme")
        let gaps = try await APIConnection.call(global) { api in
            try await api.listCoverageGaps(query: .init(asOf: date, scheme: obligation, limit: limit)).ok.body.json
        }
        if output.json {
            try Output.json(gaps)
        } else if gaps.isEmpty {
            print("No coverage gaps.")
        } else {
            Output.table(["OBLIGATION"] + ResidentPresentation.listHeader, gaps.map { [$0.obligation] + ResidentPresentation.listRow($0.resident) })
        }
    }
}

struct CoverageLink: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Confirm that a roster member is a resident (`review link` by member number).",
        discussion: """
            An alias of `kyosei review link` for insurance reviews: the member's open review is decided, \
            its case resolved, and the decision audited; a member no review asked about is linked all the same.
            Example:
              kyosei coverage link 381 --resident K12
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The insurance member's number in Kyosei (from the review).") var member: Int64
    @Option(help: "The resident (K<number>, person id or card number).") var resident: String
    @Option(help: "Why (kept with the decision).") var note: String?

    func run() async throws {
        let ref = try ResidentRef(resident).description
        let answer = try await APIConnection.call(global) { api in
            try await api.linkInsuranceMember(path: .init(id: member), body: .json(.init(resident: ref, note: note))).ok.body.json
        }
        print("Member \(member) is now \(ref)" + (answer.review.map { " (review \($0.id) decided)." } ?? "."))
    }
}
