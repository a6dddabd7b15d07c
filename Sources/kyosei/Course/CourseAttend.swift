import ArgumentParser
import KyoseiServices

struct CourseAttend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attend",
        abstract: "Record attendance at a session by hand, or from a provider's CSV file.",
        discussion: """
            By hand: --session N with --present and/or --absent (repeat them, or separate people by
            commas). From a file: --file FILE, a CSV (UTF-8 or Shift_JIS) with the header
              session,person,present
            one row per person and session: the session's number in the course, the person
            (K<number>, 11-digit person id or residence card number) and Y or N. A file that
            cannot be read is refused whole (exit 3) and changes nothing; a row naming a session
            the course lacks or someone it never seated is set aside, kept with its line, columns
            and reasons for `kyosei rejects list|show|fix|dismiss`, and the rest applied. The
            same file sent again is recognised by its bytes and reported as already applied
            (exit 0, nothing changed). A mark given again replaces the earlier one. A course is completed at language.completion_percent
            (default 80) of its sessions attended.
            Example:
              kyosei course attend 3 --session 4 --present K12,K15 --absent K20
              kyosei course attend 3 --file attendance-2026-12.csv --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The course number.") var course: Int64
    @Option(help: "The session's number.") var session: Int?
    @Option(help: "People who came.") var present: [String] = []
    @Option(help: "People who did not.") var absent: [String] = []
    @Option(help: "A provider's attendance CSV.") var file: String?

    func run() async throws {
        func refs(_ texts: [String]) throws -> [ResidentRef] {
            try texts.flatMap { $0.split(separator: ",") }.map { try ResidentRef(String($0)) }
        }
        let (presentRefs, absentRefs) = (try refs(present), try refs(absent))
        let (context, staff) = try await CommandEnvironment.load(global).session()
        if let file {
            guard session == nil, presentRefs.isEmpty, absentRefs.isEmpty else {
                throw ServiceError.usage("Give either --file or --session with --present/--absent, not both.")
            }
            let outcome = try FileImport(context: context).apply(file, as: .attendance(course: course), by: staff)
            try ImportCommand.report(outcome, json: output.json) { outcome in
                let rejects = outcome.attendance?.rejects ?? []
                return ImportCommand.line(outcome) { _ in
                    "\(outcome.applied) marks recorded in course \(course), \(rejects.count) rows set aside"
                        + (rejects.isEmpty ? "." : " (see `kyosei rejects list`):")
                } + rejects.map { "\n  \($0)" }.joined()
            }
            return
        }
        let service = AttendanceService(context: context)
        guard let session else { throw ServiceError.usage("Give --session N (with --present/--absent) or --file FILE.") }
        let marked = try service.mark(course: course, session: session, present: presentRefs, absent: absentRefs, by: staff)
        if output.json {
            try Output.json(["marked": marked])
        } else {
            print("Course \(course), session \(session): \(marked) marks recorded.")
        }
    }
}
