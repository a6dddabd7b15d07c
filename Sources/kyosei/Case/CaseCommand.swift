import ArgumentParser
import KyoseiAPI
import KyoseiDomain
import KyoseiServices
import KyoseiStore

struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Work the case queues: list, show, take, note, move, resolve, reopen, open by hand, stats.",
        discussion: """
            Workflow: OPEN → IN_PROGRESS ⇄ WAITING → RESOLVED → CLOSED; RESOLVED or CLOSED can be reopened. \
            Caseworkers and clerks see their team's cases and their own; supervisors see all.
            """,
        subcommands: [CaseList.self, CaseShow.self, CaseOpen.self, CaseTake.self, CaseAssign.self, CaseNote.self,
                      CaseMove.self, CaseResolve.self, CaseReopen.self, CaseStatsCommand.self]
    )

    static func json(_ record: CaseRecord, person: String? = nil) -> [String: String] {
        [
            "id": String(record.id ?? 0), "type": record.caseType.rawValue,
            "resident": record.residentID.map { "K\($0)" } ?? "", "person_name": person ?? "",
            "state": record.state.rawValue, "priority": record.priority.label, "assignee": record.assignee ?? "",
            "team": record.team ?? "", "due_date": record.dueDate?.description ?? "", "title": record.title,
            "cause": record.cause, "rule": record.rule ?? "", "outcome": record.outcome?.rawValue ?? "",
            "opened_at": record.openedAt, "updated_at": record.updatedAt, "cause_gone_at": record.causeGoneAt ?? "",
        ]
    }

    static func printed(_ record: CaseRecord, _ verb: String, json: Bool) throws {
        if json {
            try Output.json(Self.json(record))
        } else {
            print("Case \(record.id!) \(verb): \(record.state.rawValue)\(record.assignee.map { ", with \($0)" } ?? "").")
        }
    }

    /// A case as the API answered with it after a move.
    static func printed(_ record: Components.Schemas.Case, _ verb: String, json: Bool) throws {
        if json {
            try Output.json(record)
        } else {
            print("Case \(record.id) \(verb): \(record.state)\(record.assignee.map { ", with \($0)" } ?? "").")
        }
    }
}

struct CaseList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The queue: active cases you may see, most urgent and soonest due first.",
        discussion: """
            Example:
              kyosei case list --mine --overdue
              kyosei case list --team east --type STAY_EXPIRING --json
              kyosei case list --state RESOLVED --person K12
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Only cases assigned to you.") var mine = false
    @Option(help: "Only this team's cases.") var team: String?
    @Option(help: "Only this case type.") var type: String?
    @Option(help: "Only cases in this state (repeatable; default: the active ones; `all` for every state).") var state: [String] = []
    @Flag(help: "Only active cases past their due date.") var overdue = false
    @Option(help: "Only this person's cases (K<number>, person id or card number).") var person: String?
    @Option(help: "Only people in this district.") var district: String?
    @Option(help: "Most cases to list.") var limit = 200

    func run() async throws {
        typealias StateCode = Operations.ListCases.Input.Query.StatePayloadPayload
        let states: [StateCode] = state == ["all"] ? [.all]
            : try state.map { StateCode(rawValue: try CaseState(code: $0.uppercased()).rawValue)! }
        let query = Operations.ListCases.Input.Query(
            mine: mine, team: team, _type: try parsed(type, CaseType.init)?.rawValue, state: states.isEmpty ? nil : states,
            overdue: overdue, person: try parsed(person, ResidentRef.init)?.description,
            district: try parsed(district, DistrictCode.init)?.rawValue, limit: limit)
        let cases = try await APIConnection.call(global) { api in try await api.listCases(query: query).ok.body.json }
        if output.json {
            try Output.json(cases)
            return
        }
        if cases.isEmpty {
            print("No cases in this queue.")
            return
        }
        Output.table(["ID", "PRI", "DUE", "STATE", "TYPE", "PERSON", "ASSIGNEE", "TEAM", "TITLE"], cases.map { r in
            let due = r.dueDate ?? ""
            return [String(r.id), r.priority, r.overdue == true ? Output.alert(due + " !") : due, r.state,
                    r._type, [r.resident, r.personName].compactMap { $0 }.joined(separator: " "),
                    r.assignee ?? "", r.team ?? "", r.title]
        })
    }
}

struct CaseShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One case: the person, the cause, notes and the full history.",
        discussion: "Example:\n  kyosei case show 42")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The case number.") var id: Int64

    func run() async throws {
        let detail = try await APIConnection.call(global) { api in try await api.showCase(path: .init(id: id)).ok.body.json }
        let r = detail._case
        if output.json {
            try Output.json(detail)
            return
        }
        Output.fields([
            ("Case", "\(r.id) \(r._type)"), ("Title", r.title), ("State", r.state + (r.outcome.map { " (\($0))" } ?? "")),
            ("Priority", r.priority), ("Due", r.dueDate ?? ""), ("Assignee", r.assignee ?? ""),
            ("Team", r.team ?? ""), ("Cause", r.cause), ("Raised by", r.rule.map { "rule \($0)" } ?? "staff (\(r.openedBy ?? "?"))"),
            ("Cause gone", r.causeGoneAt ?? ""), ("Linked", detail.links.map { "\($0.entity) \($0.entityId)" }.joined(separator: ", ")),
        ])
        if let person = detail.person {
            print("")
            Output.fields([("Person", "\(person.reference) \(person.nameLatin)"), ("Register", person.registerState),
                           ("Born", person.birthDate), ("Nationality", person.nationality),
                           ("Status", person.statusOfResidence.map { "\($0) until \(person.stayExpiryDate ?? "-")" } ?? ""),
                           ("Address", person.address ?? ""),
                           ("Other cases", detail.otherCases.map { "\($0.id) \($0._type) \($0.state)" }.joined(separator: "; "))])
        }
        print("")
        Output.table(["WHEN", "WHO", "WHAT", "FROM", "TO", "NOTE"], detail.history.map {
            [$0.at, $0.by, $0.kind, $0.from ?? "", $0.to ?? "", $0.note ?? ""]
        })
    }
}

struct CaseOpen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open a case by hand for a person.",
        discussion: "Example:\n  kyosei case open --person K12 --type GENERAL --title \"Asked for help with NHI forms\" --priority high --take")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The person (K<number>, person id or card number).") var person: String
    @Option(help: "Case type (GENERAL, COVERAGE_GAP, …).") var type = "GENERAL"
    @Option(help: "A one-line title.") var title: String
    @Option(help: "urgent, high, normal or low.") var priority = "normal"
    @Option(help: "Due date (default: in 14 days).") var due: String?
    @Option(help: "Team (default: yours, else the person's district's).") var team: String?
    @Option(help: "What it is about.") var note: String?
    @Flag(help: "Assign it to yourself at once.") var take = false

    func run() async throws {
        let draft = CaseDraft(
            resident: try ResidentRef(person), type: try CaseType(type), priority: try CasePriority(flag: priority),
            title: title, note: note, dueDate: try parsed(due) { try LocalDate($0, field: "due date") }, team: team,
            assignToSelf: take)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try CaseCommand.printed(try CaseService(context: context).open(draft, by: staff), "opened", json: output.json)
    }
}

struct CaseTake: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take", abstract: "Assign a case to yourself.", discussion: "Example:\n  kyosei case take 42")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The case number.") var id: Int64

    func run() async throws {
        let record = try await APIConnection.call(global) { api in try await api.takeCase(path: .init(id: id)).ok.body.json }
        try CaseCommand.printed(record, "taken", json: output.json)
    }
}

struct CaseAssign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Give a case to a member of staff (supervisors).",
        discussion: "Example:\n  kyosei case assign 42 tanaka --note \"speaks Portuguese\"")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The case number.") var id: Int64
    @Argument(help: "The staff login.") var login: String
    @Option(help: "Why.") var note: String?

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try CaseCommand.printed(try CaseService(context: context).assign(id, to: login, note: note, by: staff), "assigned", json: output.json)
    }
}

struct CaseNote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note to a case.",
        discussion: "Example:\n  kyosei case note 42 \"Phoned; renewal appointment at immigration on 12/3\"")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The case number.") var id: Int64
    @Argument(help: "The note.") var text: String

    func run() async throws {
        let record = try await APIConnection.call(global) { api in
            try await api.noteCase(path: .init(id: id), body: .json(.init(text: text))).ok.body.json
        }
        try CaseCommand.printed(record, "noted", json: output.json)
    }
}

struct CaseMove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move a case to IN_PROGRESS, WAITING or CLOSED.",
        discussion: "Example:\n  kyosei case move 42 --to WAITING --note \"waiting for the employer's papers\"")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The case number.") var id: Int64
    @Option(help: "IN_PROGRESS, WAITING or CLOSED.") var to: String
    @Option(help: "Why.") var note: String?

    func run() async throws {
        let code = to.uppercased().replacingOccurrences(of: "-", with: "_")
        let state = try CaseState(code: code)
        guard let target = Operations.MoveCase.Input.Body.JsonPayload.ToPayload(rawValue: state.rawValue) else {
            throw ServiceError.usage(state == .resolved
                ? "Use `case resolve` with an outcome to resolve a case." : "Use `case reopen` to reopen a case.")
        }
        let record = try await APIConnection.call(global) { api in
            try await api.moveCase(path: .init(id: id), body: .json(.init(to: target, note: note))).ok.body.json
        }
        try CaseCommand.printed(record, "moved", json: output.json)
    }
}

struct CaseResolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Resolve a case with its outcome.",
        discussion: """
            Outcomes: settled, referred, contacted-no-change, unreachable, not-applicable, duplicate.
            Example:
              kyosei case resolve 42 --outcome settled --note "renewed; new card AB…"
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The case number.") var id: Int64
    @Option(help: "How it ended.") var outcome: String
    @Option(help: "What was done.") var note: String?

    func run() async throws {
        let result = try CaseOutcome(flag: outcome)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try CaseCommand.printed(try CaseService(context: context).resolve(id, outcome: result, note: note, by: staff), "resolved", json: output.json)
    }
}

struct CaseReopen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Reopen a resolved or closed case.",
        discussion: "Example:\n  kyosei case reopen 42 --note \"renewal was refused\"")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The case number.") var id: Int64
    @Option(help: "Why it is reopened.") var note: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try CaseCommand.printed(try CaseService(context: context).reopen(id, note: note, by: staff), "reopened", json: output.json)
    }
}

struct CaseStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Workload: open cases per type, team and assignee, overdue, median age, per week.",
        discussion: "Example:\n  kyosei case stats --json")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let stats = try CaseService(context: context).stats(by: staff)
        if output.json {
            try Output.json(stats)
            return
        }
        // A withheld figure (for an analyst) shows as `*`, as in a report.
        func figure(_ n: Int??) -> String { n.flatMap { $0 }.map(String.init) ?? "*" }
        print("Open cases: \(figure(stats.open)), overdue: \(figure(stats.overdue)), median age: \(stats.medianAgeDays.map { "\($0) days" } ?? "-")\n")
        Output.table(["TYPE", "OPEN"], stats.openByType.sorted { $0.key < $1.key }.map { [$0.key, figure($0.value)] })
        print("")
        Output.table(["TEAM", "OPEN"], stats.openByTeam.sorted { $0.key < $1.key }.map { [$0.key, figure($0.value)] })
        print("")
        Output.table(["ASSIGNEE", "OPEN"], stats.openByAssignee.sorted { $0.key < $1.key }.map { [$0.key, figure($0.value)] })
        print("")
        Output.table(["WEEK OF", "OPENED", "RESOLVED"], stats.openedPerWeek.keys.sorted().map {
            [$0, figure(stats.openedPerWeek[$0]), figure(stats.resolvedPerWeek[$0])]
        })
    }
}
