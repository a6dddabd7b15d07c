import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct CourseSchedule: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Add sessions to a course, or show its schedule.",
        discussion: """
            Sessions are numbered from 1 in date order as they are added; attendance names them by
            number. --weekly adds one session every seven days from the first day of the term to
            the last. Without --on or --weekly the schedule is shown.
            Example:
              kyosei course schedule 3 --weekly --at 18:30
              kyosei course schedule 3 --on 2026-12-24 --on 2027-01-07
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The course number.") var course: Int64
    @Option(help: "A session date (YYYY-MM-DD); repeat for more.") var on: [String] = []
    @Flag(help: "A session every seven days through the term.") var weekly = false
    @Option(help: "Start time shown with each session (18:30).") var at = ""

    func run() async throws {
        let dates = try on.map { try LocalDate($0, field: "session date") }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let service = CourseService(context: context)
        let sessions: [CourseSession]
        if dates.isEmpty && !weekly {
            sessions = try service.show(course, by: staff).schedule
        } else {
            sessions = try service.schedule(course, dates: dates, weekly: weekly, startsAt: at, by: staff)
        }
        if output.json {
            try Output.json(sessions)
        } else {
            Output.table(["Session", "Date", "Time"], sessions.map { ["\($0.number)", "\($0.heldOn)", $0.startsAt] })
        }
    }
}
