import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Apply a file from a partner: insurance rosters, employment reports, school rosters.",
        discussion: """
            A file is refused whole (exit 3) when it cannot be read as the format says; nothing of \
            it is applied. Rows with bad values are set aside as rejects (`kyosei rejects list`) and \
            the good rows are applied. The same file applied twice changes nothing the second time.
            """,
        subcommands: [ImportInsurance.self, ImportEmployment.self, ImportSchool.self, ImportInbox.self])

    /// One file's line: refused with its reason, already applied, or what `applied` says it did
    /// (or would have done, in a dry run).
    static func line(_ outcome: ImportOutcome, file: String? = nil, applied: (ImportOutcome) -> String) -> String {
        let file = file ?? outcome.file
        return switch outcome.outcome {
        case .refused: "\(file): REFUSED: \(outcome.reason ?? "")"
        case .held: "\(file): HELD: \(outcome.reason ?? "")"
        case .alreadyApplied: "\(file): already applied; nothing changed."
        case .applied: "\(file): applied: " + applied(outcome)
        case .checked: "\(file): checked (dry run, nothing kept): " + applied(outcome)
        }
    }

    /// Prints one file's outcome as a line or as JSON, and exits 3 if it was refused or held.
    static func report(_ outcome: ImportOutcome, json: Bool, line: (ImportOutcome) -> String) throws {
        if json {
            try Output.json(outcome)
        } else {
            print(line(outcome))
        }
        if outcome.outcome == .refused || outcome.outcome == .held { throw ExitCode(3) }
    }
}

struct ImportInsurance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insurance",
        abstract: "Apply an insurance roster (INS-<scheme>-<source>-<date>.csv): recognise each member, record enrollments.",
        discussion: """
            A roster is its source's full current list: enrollments it no longer lists end on its date. \
            Members are recognised across scripts (katakana roster, Latin register) by the identity \
            resolver; uncertain ones become identity reviews. A roster that would end more than \
            inbox.max_ended_enrollments_percent (default 10%) of its source's open enrollments is \
            held, not applied (a cut-off file looks exactly like that); if it is right, apply it \
            again with --accept-large-change (audited). Exit 3 when the file is refused or held.
            Example:
              kyosei import insurance inbox/insurance/INS-NHI-CITY-2026-11-01.csv --match-report match.csv --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The roster's date if not the one in its name.") var asOf: String?
    @Option(help: "Write member_number,outcome,person_id,score for every row to this CSV.") var matchReport: String?
    @Flag(help: "Apply a roster the plausibility guard held (it ends more than inbox.max_ended_enrollments_percent of its source's enrollments); audited.")
    var acceptLargeChange = false
    @Argument(help: "The roster file.") var file: String

    func run() async throws {
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let outcome = try FileImport(context: context).apply(
            file, as: .insurance(asOf: date, matchReport: matchReport), acceptLargeChange: acceptLargeChange, by: staff)
        try ImportCommand.report(outcome, json: output.json, line: Self.line)
    }

    static func line(_ outcome: ImportOutcome) -> String {
        ImportCommand.line(outcome) {
            let r = $0.roster ?? RosterCounts()
            return "\($0.rows) rows, \($0.applied) applied, \($0.rejected) rejected; \(r.known) known members, \(r.matched) matched, "
                + "\(r.review) to review, \(r.unmatched) not residents; \(r.ended) enrollments ended."
        }
    }
}
