import ArgumentParser
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
        var filter = CaseFilter()
        filter.mine = mine
        filter.team = team
        filter.type = try parsed(type, CaseType.init)
        if state == ["all"] {
            filter.states = nil
        } else if !state.isEmpty {
            filter.states = try state.map { try CaseState(code: $0.uppercased()) }
        }
        filter.overdue = overdue
        filter.person = try parsed(person, ResidentRef.init)
        filter.district = try parsed(district, DistrictCode.init)
        filter.limit = limit
        let environment = try await CommandEnvironment.load(global)
        let (context, staff) = try environment.session()
        let cases = try CaseService(context: context).list(filter, by: staff)
        if output.json {
            try Output.json(cases.map { CaseCommand.json($0.record, person: $0.personName) })
            return
        }
        if cases.isEmpty {
            print("No cases in this queue.")
            return
        }
        let today = environment.clock.today
        Output.table(["ID", "PRI", "DUE", "STATE", "TYPE", "PERSON", "ASSIGNEE", "TEAM", "TITLE"], cases.map { c in
            let r = c.record
            let due = r.dueDate?.description ?? ""
            return [String(r.id!), r.priority.label, r.isOverdue(on: today) ? Output.alert(due + " !") : due, r.state.rawValue,
                    r.caseType.rawValue, [r.residentID.map { "K\($0)" }, c.personName].compactMap { $0 }.joined(separator: " "),
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
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let detail = try CaseService(context: context).show(id, by: staff)
        let r = detail.record
        if output.json {
            var object = CaseCommand.json(r, person: detail.resident?.nameLatin)
            object["history"] = detail.events.map { "\($0.at) \($0.by) \($0.kind.rawValue) \($0.fromValue ?? "")→\($0.toValue ?? "") \($0.note ?? "")" }
                .joined(separator: "\n")
            object["links"] = detail.links.map { "\($0.entity):\($0.entityID)" }.joined(separator: ",")
            try Output.json(object)
            return
        }
        Output.fields([
            ("Case", "\(r.id!) \(r.caseType.rawValue)"), ("Title", r.title), ("State", r.state.rawValue + (r.outcome.map { " (\($0.rawValue))" } ?? "")),
            ("Priority", r.priority.label), ("Due", r.dueDate?.description ?? ""), ("Assignee", r.assignee ?? ""),
            ("Team", r.team ?? ""), ("Cause", r.cause), ("Raised by", r.rule.map { "rule \($0)" } ?? "staff (\(r.openedBy))"),
            ("Cause gone", r.causeGoneAt ?? ""), ("Linked", detail.links.map { "\($0.entity) \($0.entityID)" }.joined(separator: ", ")),
        ])
        if let person = detail.resident {
            print("")
            Output.fields([("Person", "\(person.reference) \(person.nameLatin)"), ("Register", person.registerState.rawValue),
                           ("Born", person.birthDate.description), ("Nationality", person.nationality.rawValue),
                           ("Status", person.statusOfResidence.map { "\($0.rawValue) until \(person.stayExpiryDate?.description ?? "-")" } ?? ""),
                           ("Address", person.address ?? ""),
                           ("Other cases", detail.otherCases.map { "\($0.id!) \($0.caseType.rawValue) \($0.state.rawValue)" }.joined(separator: "; "))])
        }
        print("")
        Output.table(["WHEN", "WHO", "WHAT", "FROM", "TO", "NOTE"], detail.events.map {
            [$0.at, $0.by, $0.kind.rawValue, $0.fromValue ?? "", $0.toValue ?? "", $0.note ?? ""]
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
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try CaseCommand.printed(try CaseService(context: context).assign(id, to: staff.login, by: staff), "taken", json: output.json)
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
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try CaseCommand.printed(try CaseService(context: context).note(id, text: text, by: staff), "noted", json: output.json)
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
        let target = try CaseState(code: to.uppercased().replacingOccurrences(of: "-", with: "_"))
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try CaseCommand.printed(try CaseService(context: context).move(id, to: target, note: note, by: staff), "moved", json: output.json)
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
        print("Open cases: \(stats.open), overdue: \(stats.overdue), median age: \(stats.medianAgeDays.map { "\($0) days" } ?? "-")\n")
        Output.table(["TYPE", "OPEN"], stats.openByType.sorted { $0.key < $1.key }.map { [$0.key, String($0.value)] })
        print("")
        Output.table(["TEAM", "OPEN"], stats.openByTeam.sorted { $0.key < $1.key }.map { [$0.key, String($0.value)] })
        print("")
        Output.table(["ASSIGNEE", "OPEN"], stats.openByAssignee.sorted { $0.key < $1.key }.map { [$0.key, String($0.value)] })
        print("")
        Output.table(["WEEK OF", "OPENED", "RESOLVED"], stats.openedPerWeek.keys.sorted().map {
            [$0, String(stats.openedPerWeek[$0] ?? 0), String(stats.resolvedPerWeek[$0] ?? 0)]
        })
    }
}
