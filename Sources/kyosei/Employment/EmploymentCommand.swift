import ArgumentParser
import KyoseiDomain
import KyoseiServices
import KyoseiStore

struct EmploymentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "employment", abstract: "What hire and separation notifications say about a person, and the findings to act on.",
        subcommands: [EmploymentShow.self, EmploymentFindings.self])

    static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "Y" : "N" } ?? "" }
}

struct EmploymentShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A person's employment episodes and notifications, with findings.",
        discussion: "Example:\n  kyosei employment show K12")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "K<number>, person id or card number.") var person: String

    func run() async throws {
        let ref = try ResidentRef(person)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let shown = try EmploymentService(context: context).show(ref, by: staff)
        let episodes = shown.episodes.map { e in
            ["employer_id": e.employerID, "establishment": e.establishmentName, "from": e.employedFrom?.description ?? "",
             "until": e.employedUntil?.description ?? "", "weekly_hours": e.weeklyHours.map { String($0) } ?? "",
             "dispatched": EmploymentCommand.yesNo(e.dispatched), "employment_insurance": EmploymentCommand.yesNo(e.employmentInsurance),
             "flag": e.flag?.rawValue ?? ""]
        }
        let notifications = shown.notifications.map { n in
            ["report_type": n.reportType, "event_date": n.eventDate.description, "report_date": n.reportDate.description,
             "employer_id": n.employerID, "establishment": n.establishmentName,
             "findings": (shown.findings[n.id!] ?? []).map(\.kind.rawValue).joined(separator: ",")]
        }
        if output.json {
            try Output.json(ShowJSON(resident: shown.resident.reference, episodes: episodes, notifications: notifications))
            return
        }
        print("\(shown.resident.reference) \(shown.resident.nameLatin)")
        if episodes.isEmpty && notifications.isEmpty { print("No employment notification is linked to this person.") }
        if !episodes.isEmpty {
            print("")
            Output.table(["EMPLOYER", "ESTABLISHMENT", "FROM", "UNTIL", "HOURS", "DISPATCHED", "EI", "FLAG"], episodes.map {
                [$0["employer_id"]!, $0["establishment"]!, $0["from"]!, $0["until"]!, $0["weekly_hours"]!, $0["dispatched"]!,
                 $0["employment_insurance"]!, Output.alert($0["flag"]!)]
            })
        }
        for n in shown.notifications {
            for f in shown.findings[n.id!] ?? [] {
                print("  " + Output.alert(f.kind.rawValue) + " (\(n.reportType.lowercased()) \(n.eventDate), \(n.establishmentName)): \(f.reason)")
            }
        }
    }

    struct ShowJSON: Encodable {
        let resident: String
        let episodes: [[String: String]]
        let notifications: [[String: String]]
    }
}

struct EmploymentFindings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings", abstract: "Findings on notifications, each with its reason.",
        discussion: """
            Kinds: \(EmploymentFindingKind.allCases.map(\.rawValue).joined(separator: ", ")).
            Example:
              kyosei employment findings --kind EI_MISSING --since 2026-07-01 --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this kind of finding.") var kind: String?
    @Option(help: "Only notifications whose hire or separation is on or after this date.") var since: String?

    func run() async throws {
        let findingKind = try parsed(kind) { try EmploymentFindingKind(code: $0.uppercased()) }
        let date = try parsed(since) { try LocalDate($0, field: "since date") }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let listings = try EmploymentService(context: context).findings(kind: findingKind, since: date, by: staff)
        let rows = listings.map { l in
            ["residence_card_number": l.notification.residenceCardNumber.rawValue, "person_id": l.personID ?? "",
             "resident": l.notification.residentID.map { "K\($0)" } ?? "", "link": l.notification.link.rawValue,
             "name_latin": l.notification.nameLatin, "employer_id": l.notification.employerID,
             "report_type": l.notification.reportType, "event_date": l.notification.eventDate.description,
             "report_date": l.notification.reportDate.description, "finding": l.kind.rawValue, "reason": l.reason]
        }
        if output.json {
            try Output.json(rows)
        } else if rows.isEmpty {
            print("No findings.")
        } else {
            Output.table(["FINDING", "EVENT", "TYPE", "CARD", "RESIDENT", "EMPLOYER", "REASON"], rows.map {
                [$0["finding"]!, $0["event_date"]!, $0["report_type"]!, $0["residence_card_number"]!,
                 $0["resident"]!.isEmpty ? $0["link"]!.lowercased() : $0["resident"]!, $0["employer_id"]!, $0["reason"]!]
            })
        }
    }
}
