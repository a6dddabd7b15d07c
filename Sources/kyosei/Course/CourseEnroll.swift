import ArgumentParser
import KyoseiServices

struct CourseEnroll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Give a person a seat, or a place on the waitlist when the course is full.",
        discussion: """
            The waitlist is in order of request within the priority groups of
            language.waitlist_priority (default: NEWCOMER, then GRADE1_NEXT_APRIL, then everyone
            else). The seat count and the seat are decided in one write transaction: of two clerks
            taking the last seat at once, one gets it and the other's person is waitlisted. A seat
            resolves the person's LANGUAGE_REFERRAL cases it answers. With --json prints
            {"outcome": "enrolled" or "waitlisted", "position": place on the waitlist, or null}.
            Example:
              kyosei course enroll 3 12345678901 --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The course number.") var course: Int64
    @Argument(help: "K<number>, 11-digit person id or residence card number.") var person: String

    func run() async throws {
        let ref = try ResidentRef(person)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let outcome = try SeatService(context: context).enroll(ref, in: course, by: staff)
        if output.json {
            try Output.json(outcome)
        } else if let position = outcome.position {
            print("\(ref): course \(course) is full; waitlisted at place \(position).")
        } else {
            print("\(ref): enrolled in course \(course).")
        }
    }
}
