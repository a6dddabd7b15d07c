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

    /// One file's line: refused with its reason, already applied, or what `applied` says it did.
    static func line<Outcome: ImportOutcome>(_ outcome: Outcome, applied: (Outcome) -> String) -> String {
        switch outcome.outcome {
        case .refused: "\(outcome.file): REFUSED: \(outcome.reason ?? "")"
        case .alreadyApplied: "\(outcome.file): already applied; nothing changed."
        case .applied: "\(outcome.file): " + applied(outcome)
        }
    }
}

struct ImportInsurance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "insurance",
        abstract: "Apply an insurance roster (INS-<scheme>-<source>-<date>.csv): recognise each member, record enrollments.",
        discussion: """
            A roster is its source's full current list: enrollments it no longer lists end on its date. \
            Members are recognised across scripts (katakana roster, Latin register) by the identity \
            resolver; uncertain ones become identity reviews. Exit 3 when the file is refused.
            Example:
              kyosei import insurance inbox/insurance/INS-NHI-CITY-2026-11-01.csv --match-report match.csv --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The roster's date if not the one in its name.") var asOf: String?
    @Option(help: "Write member_number,outcome,person_id,score for every row to this CSV.") var matchReport: String?
    @Argument(help: "The roster file.") var file: String

    func run() async throws {
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let outcome = try InsuranceImportService(context: context).apply(path: file, asOf: date, matchReport: matchReport, by: staff)
        if output.json {
            try Output.json(outcome)
        } else {
            print(Self.line(outcome))
        }
        if outcome.outcome == .refused { throw ExitCode(3) }
    }

    static func line(_ outcome: RosterImportOutcome) -> String {
        ImportCommand.line(outcome) {
            "\($0.rows) rows, \($0.applied) applied, \($0.rejected) rejected; \($0.known) known members, \($0.matched) matched, "
                + "\($0.review) to review, \($0.unmatched) not residents; \($0.ended) enrollments ended."
        }
    }
}
