import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "Social-insurance coverage of a person, the gaps to act on, confirming a member.",
        subcommands: [CoverageShow.self, CoverageGaps.self, CoverageLink.self])
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
        let ref = try ResidentRef(person)
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let coverage = try CoverageService(context: context).show(ref, asOf: date, by: staff)
        let enrollments = coverage.enrollments.map {
            ["scheme": $0.scheme.rawValue, "member_type": $0.memberType, "from": $0.enrolledFrom.description,
             "until": $0.enrolledUntil?.description ?? "", "agreement_exempt": $0.agreementExempt ? "Y" : "N",
             "active": $0.isActive(on: coverage.asOf) ? "yes" : "no"]
        }
        if output.json {
            try Output.json(CoverageJSON(
                resident: coverage.resident.reference, as_of: coverage.asOf.description,
                obligations: Dictionary(uniqueKeysWithValues: coverage.obligations.map { ($0.key.rawValue, $0.value ? "covered" : "gap") }),
                enrollments: enrollments))
            return
        }
        print("\(coverage.resident.reference) \(coverage.resident.nameLatin), as of \(coverage.asOf)")
        if coverage.obligations.isEmpty { print("No obligation is evaluated (not registered, or no roster loaded yet).") }
        for (o, covered) in coverage.obligations.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            print("  \(o.rawValue): " + (covered ? "covered" : Output.alert("GAP")))
        }
        if !enrollments.isEmpty {
            print("")
            Output.table(["SCHEME", "TYPE", "FROM", "UNTIL", "EXEMPT", "ACTIVE"], enrollments.map {
                [$0["scheme"]!, $0["member_type"]!, $0["from"]!, $0["until"]!, $0["agreement_exempt"]!, $0["active"]!]
            })
        }
    }

    struct CoverageJSON: Encodable {
        let resident: String
        let as_of: String
        let obligations: [String: String]
        let enrollments: [[String: String]]
    }
}

struct CoverageGaps: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps", abstract: "Registered residents under an obligation no enrollment meets.",
        discussion: "Example:\n  kyosei coverage gaps --scheme pension --json")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "As of this date (default: today).") var asOf: String?
    @Option(help: "health, pension or employment.") var scheme: String?
    @Option(help: "Most gaps to list.") var limit = 500

    func run() async throws {
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        let obligation = try parsed(scheme) { text -> CoverageObligation in
            guard let o = CoverageObligation(rawValue: text.lowercased()) else {
                throw ValidationError(field: "scheme", value: text, reason: "must be health, pension or employment")
            }
            return o
        }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let gaps = try CoverageService(context: context).gaps(asOf: date, obligation: obligation, limit: limit, by: staff)
        if output.json {
            try Output.json(gaps.map { gap -> [String: String] in
                var o = ResidentPresentation.json(gap.resident)
                o["obligation"] = gap.obligation.rawValue
                return o
            })
        } else if gaps.isEmpty {
            print("No coverage gaps.")
        } else {
            Output.table(["OBLIGATION"] + ResidentPresentation.listHeader, gaps.map { [$0.obligation.rawValue] + ResidentPresentation.listRow($0.resident) })
        }
    }
}

struct CoverageLink: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link", abstract: "Confirm that a roster member is a resident (after an identity review).",
        discussion: "Example:\n  kyosei coverage link 381 --resident K12")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The insurance member's number in Kyosei (from the review).") var member: Int64
    @Option(help: "The resident (K<number>, person id or card number).") var resident: String

    func run() async throws {
        let ref = try ResidentRef(resident)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let linked = try InsuranceImportService(context: context).confirm(member: member, resident: ref, by: staff)
        print("Member \(linked.memberNumber) of \(linked.scheme) (\(linked.source)) is now \(ref).")
    }
}
