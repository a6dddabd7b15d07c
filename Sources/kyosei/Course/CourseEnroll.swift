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
            resolves the person's LANGUAGE_REFERRAL cases it answers. PERSON is K<number>, an
            11-digit register person id or a residence card number; `course show --json` names
            people by the person id, or K<number> for someone the register does not show, and
            both are accepted here. A course whose term has ended (its end date is before today)
            takes nobody: refused with exit 1. With --json prints
            {"outcome": "enrolled" or "waitlisted", "position": place on the waitlist, or null}.
            Example:
              kyosei course enroll 3 12345678901 --json
            """)
    @OptionGroup var seat: SeatArguments

    func run() async throws {
        let (ref, context, staff) = try await seat.session()
        let outcome = try SeatService(context: context).enroll(ref, in: seat.course, by: staff)
        if seat.output.json {
            try Output.json(outcome)
        } else if let position = outcome.position {
            print("\(ref): course \(seat.course) is full; waitlisted at place \(position).")
        } else {
            print("\(ref): enrolled in course \(seat.course).")
        }
    }
}
