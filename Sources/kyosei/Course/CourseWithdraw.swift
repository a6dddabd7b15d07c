import ArgumentParser
import KyoseiServices

/// The JSON programs read after a seat is given up: whom it went to.
struct PromotedJSON: Encodable {
    let promoted: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(promoted, forKey: .promoted)
    }

    enum CodingKeys: String, CodingKey { case promoted }

    /// Prints the JSON, or a sentence for staff.
    func print(json: Bool, freed: String) throws {
        if json {
            try Output.json(self)
        } else {
            Swift.print(promoted.map { "\(freed); the seat went to \($0), first on the waitlist (a case tells them)." } ?? "\(freed).")
        }
    }
}

struct CourseWithdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Take a person off a course or its waitlist; a freed seat goes to the first on the waitlist.",
        discussion: """
            The promotion happens in the same transaction as the withdrawal, and the promoted
            person gets a LANGUAGE_REFERRAL case so that staff tell them. With --json prints
            {"promoted": person id or null}.
            Example:
              kyosei course withdraw 3 K12 --json
            """)
    @OptionGroup var seat: SeatArguments

    func run() async throws {
        let (ref, context, staff) = try await seat.session()
        let promoted = try SeatService(context: context).withdraw(ref, from: seat.course, by: staff)
        try PromotedJSON(promoted: promoted).print(json: seat.output.json, freed: "\(ref): withdrawn from course \(seat.course)")
    }
}
