import ArgumentParser
import KyoseiServices

struct CourseShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One course: its term, schedule, who holds a seat and the waitlist in order.",
        discussion: """
            With --json, "enrolled" and "waitlist" are arrays of person ids (the 11-digit register
            person id, or K<number> for someone the register does not show), the waitlist in the
            order seats will be offered.
            Example:
              kyosei course show 3 --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The course number.") var course: Int64

    func run() async throws {
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let detail = try CourseService(context: context).show(course, by: staff)
        if output.json {
            try Output.json(detail)
            return
        }
        let c = detail.course
        Output.fields([
            ("Course", "\(c.id) \(c.title)"), ("Kind", c.kind.rawValue), ("Level", c.level.rawValue), ("Provider", c.provider),
            ("Venue", c.venue), ("Term", "\(c.startsOn) to \(c.endsOn)"), ("Languages", c.supportLanguages.joined(separator: ", ")),
            ("Seats", "\(c.enrolled) of \(c.capacity) taken"), ("Sessions", "\(c.sessions)"),
            ("Enrolled", detail.enrolled.joined(separator: " ")),
            ("Waitlist", detail.waitlist.enumerated().map { "\($0 + 1). \($1)" }.joined(separator: "  ")),
        ])
    }
}
