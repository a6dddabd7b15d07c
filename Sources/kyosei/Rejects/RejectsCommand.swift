import ArgumentParser
import KyoseiServices
import KyoseiStore

struct RejectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects",
        abstract: "Rows set aside from applied files: list, read, correct and apply, or dismiss.",
        subcommands: [RejectsList.self, RejectsShow.self, RejectsFix.self, RejectsDismiss.self]
    )

    static func render(_ view: RejectView, json: Bool) throws {
        if json {
            try Output.json(view)
            return
        }
        Output.fields([("Reject", String(view.id)), ("File", "\(view.file) line \(view.line)"), ("State", view.state),
                       ("Columns", view.columns.joined(separator: ", ")), ("Record", view.recordText),
                       ("Corrected", view.correctedText ?? ""), ("Resolved by", view.resolvedBy ?? ""),
                       ("Note", view.resolutionNote ?? "")])
        print("Reasons:")
        view.reasons.forEach { print("  - \($0)") }
    }
}

struct RejectsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List rejects (open ones by default).",
        discussion: "Example:\n  kyosei rejects list --json\n  kyosei rejects list --state all")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "open, applied, dismissed or all.") var state = "open"

    func run() async throws {
        let filter: RejectRecord.State?
        if state == "all" {
            filter = nil
        } else if let parsed = RejectRecord.State(rawValue: state.uppercased()) {
            filter = parsed
        } else {
            throw ArgumentParser.ValidationError("--state must be open, applied, dismissed or all.")
        }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let rejects = try RejectService(context: context).list(state: filter, by: staff)
        if output.json {
            try Output.json(rejects)
        } else if rejects.isEmpty {
            print("No \(state == "all" ? "" : state + " ")rejects.")
        } else {
            Output.table(["ID", "FILE", "LINE", "STATE", "COLUMNS", "FIRST REASON"], rejects.map {
                [String($0.id), $0.file, String($0.line), $0.state, $0.columns.joined(separator: ","), $0.reasons.first ?? ""]
            })
        }
    }
}

struct RejectsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one reject: file, line, columns, every reason, the record.",
        discussion: "Example:\n  kyosei rejects show 3")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The reject's number.") var id: Int64

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try RejectsCommand.render(try RejectService(context: context).show(id, by: staff), json: output.json)
    }
}

struct RejectsFix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Correct a rejected row and apply it (checked by the same rules as the file).",
        discussion: """
            Rows of register exports and of course attendance files are corrected here; a
            corrected attendance row is marked in the course its file was applied to. Rows of
            insurance, school and employment files are corrected by the partner's next file.
            A correction that still breaks a rule is refused with every reason (exit 1) and the
            reject stays open.
            Example:
              kyosei rejects fix 3 --set birth_date=1990-02-28 --note "checked with the resident's card"
              kyosei rejects fix 4 --text '12345678901,221309,MID_LONG_TERM,…'
              kyosei rejects fix 7 --set session=2 --note "the provider numbered from 0"
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The reject's number.") var id: Int64
    @Option(name: .customLong("set"), help: "COLUMN=VALUE to change (repeatable).") var assignments: [String] = []
    @Option(help: "The whole corrected record, as one CSV line under the file's header.") var text: String?
    @Option(help: "Why, or what was checked.") var note: String?

    func validate() throws {
        guard assignments.isEmpty != (text == nil) else {
            throw ArgumentParser.ValidationError("Give either --set COLUMN=VALUE (one or more) or --text, not both.")
        }
        for a in assignments where !a.contains("=") {
            throw ArgumentParser.ValidationError("--set takes COLUMN=VALUE, got \(a).")
        }
    }

    func run() async throws {
        var changes: [String: String] = [:]
        for a in assignments {
            let parts = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            changes[String(parts[0])] = String(parts[1])
        }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let view = try RejectService(context: context).fix(id, changes: changes, text: text, note: note, by: staff)
        if !output.json { print("Reject \(id) corrected and applied.") }
        try RejectsCommand.render(view, json: output.json)
    }
}

struct RejectsDismiss: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss", abstract: "Close a reject without applying it, saying why.",
        discussion: "Example:\n  kyosei rejects dismiss 5 --note \"duplicate of line 12; the next export corrects it\"")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The reject's number.") var id: Int64
    @Option(help: "Why it is dismissed.") var note: String

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        try RejectsCommand.render(try RejectService(context: context).dismiss(id, note: note, by: staff), json: output.json)
    }
}
