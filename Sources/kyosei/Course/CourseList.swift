import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct CourseList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Courses with their seats taken and waitlists, soonest first.",
        discussion: """
            Example:
              kyosei course list --kind ORIENTATION --from 2026-11-01
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this kind.") var kind: String?
    @Option(help: "Only courses still running on or after this date.") var from: String?

    func run() async throws {
        let courseKind = try parsed(kind) { try CourseKind(option: $0) }
        let date = try parsed(from) { try LocalDate($0, field: "from date") }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let courses = try CourseService(context: context).list(kind: courseKind, from: date, by: staff)
        if output.json {
            try Output.json(courses)
        } else {
            Output.table(["Course", "Kind", "Level", "Title", "From", "To", "Sessions", "Seats", "Waiting"], courses.map {
                ["\($0.id)", $0.kind.rawValue, $0.level.rawValue, $0.title, "\($0.startsOn)", "\($0.endsOn)", "\($0.sessions)",
                 "\($0.enrolled)/\($0.capacity)", "\($0.waiting)"]
            })
        }
    }
}
