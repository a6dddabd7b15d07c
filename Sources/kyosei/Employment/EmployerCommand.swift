import ArgumentParser
import KyoseiServices

struct EmployerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "employer", abstract: "Employers that filed notifications: the city's outreach list.",
        subcommands: [EmployerList.self, EmployerShow.self, EmployerHeadcount.self])

    static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) + "%" }

    static func json(_ s: EmployerSummary) -> [String: String] {
        ["employer_id": s.employerID, "kind": s.kind, "name": s.name, "notifications": String(s.notifications),
         "workers": String(s.workers), "hired_workers": String(s.hiredWorkers), "dispatched_workers": String(s.dispatchedWorkers),
         "uninsured_workers": String(s.uninsuredWorkers), "ei_missing_workers": String(s.eiMissingWorkers),
         "late_reports": String(s.lateReports), "employer_insurance_missing_workers": String(s.employerInsuranceMissingWorkers),
         "dispatched_share": String(s.dispatchedShare),
         "uninsured_share": String(s.uninsuredShare), "ei_missing_share": String(s.eiMissingShare)]
    }
}

struct EmployerList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every employer with workers reported, dispatched and uninsured shares, late reports.",
        discussion: """
            Workers are counted once each by residence card. The uninsured share is of hired workers \
            reported as not in employment insurance; EI missing counts those whose job employment \
            insurance covers on the hire date (insurance.employment_weekly_hours; not full-time students). \
            EHI/EPI missing counts workers whose job there puts them in the employer insurances today \
            (hours, the employer's insured headcount where staff recorded it, the dated size threshold) \
            and whom no EHI or EPI roster shows.
            Example:
              kyosei employer list --sort uninsured --dispatch
              kyosei employer list --sort employer-insurance
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "uninsured, dispatched, late or employer-insurance (the worst first).") var sort = "uninsured"
    @Flag(help: "Only employers that reported dispatch workers.") var dispatch = false

    func run() async throws {
        guard let order = EmployerSort(rawValue: sort) else {
            throw ValidationError("--sort must be uninsured, dispatched, late or employer-insurance.")
        }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let list = try EmploymentService(context: context).employers(sort: order, dispatchOnly: dispatch, by: staff)
        if output.json {
            try Output.json(list.map(EmployerCommand.json))
        } else if list.isEmpty {
            print("No employer has filed a notification.")
        } else {
            Output.table(["EMPLOYER", "NAME", "WORKERS", "DISPATCHED", "UNINSURED", "EI MISSING", "EHI/EPI MISSING", "LATE"], list.map {
                [$0.employerID, $0.name, String($0.workers), EmployerCommand.percent($0.dispatchedShare),
                 EmployerCommand.percent($0.uninsuredShare), String($0.eiMissingWorkers), String($0.employerInsuranceMissingWorkers),
                 String($0.lateReports)]
            })
        }
    }
}

struct EmployerShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One employer: its counts, establishments and notifications with findings.",
        discussion: "Example:\n  kyosei employer show 1180301018771")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "Corporate number, or L and the labour-insurance number.") var id: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let detail = try EmploymentService(context: context).employer(id, by: staff)
        let notifications = detail.notifications.map { n in
            ["report_type": n.reportType, "event_date": n.eventDate.description, "report_date": n.reportDate.description,
             "residence_card_number": n.residenceCardNumber.rawValue, "resident": n.residentID.map { "K\($0)" } ?? "",
             "establishment": n.establishmentName, "weekly_hours": String(n.weeklyHours),
             "dispatched": n.dispatched ? "Y" : "N", "employment_insurance": n.employmentInsurance ? "Y" : "N",
             "findings": (detail.findings[n.id!] ?? []).map(\.kind.rawValue).joined(separator: ",")]
        }
        if output.json {
            try Output.json(ShowJSON(employer: EmployerCommand.json(detail.summary), establishments: detail.establishments,
                                     notifications: notifications))
            return
        }
        let s = detail.summary
        Output.fields([
            ("Employer", s.employerID), ("Name", s.name), ("Establishments", detail.establishments.joined(separator: "; ")),
            ("Workers", String(s.workers)), ("Dispatched", EmployerCommand.percent(s.dispatchedShare)),
            ("Uninsured", EmployerCommand.percent(s.uninsuredShare)), ("EI missing", String(s.eiMissingWorkers)),
            ("Late reports", String(s.lateReports)),
        ])
        print("")
        Output.table(["TYPE", "EVENT", "REPORTED", "CARD", "RESIDENT", "HOURS", "EI", "FINDINGS"], notifications.map {
            [$0["report_type"]!, $0["event_date"]!, $0["report_date"]!, $0["residence_card_number"]!, $0["resident"]!,
             $0["weekly_hours"]!, $0["employment_insurance"]!, Output.alert($0["findings"]!)]
        })
    }

    struct ShowJSON: Encodable {
        let employer: [String: String]
        let establishments: [String]
        let notifications: [[String: String]]
    }
}
