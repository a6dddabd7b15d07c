import ArgumentParser
import KyoseiServices

struct CourseTransfer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Move a person's seat to another course that has a free seat.",
        discussion: """
            The seat left behind goes to the first on that course's waitlist, in the same
            transaction. A full target course is refused: enroll the person there to wait instead.
            A target course whose term has ended is refused too (exit 1); the seat stays where it is.
            With --json prints {"promoted": person id or null}.
            Example:
              kyosei course transfer K12 --from 3 --to 5
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "K<number>, 11-digit person id or residence card number.") var person: String
    @Option(help: "The course the person leaves.") var from: Int64
    @Option(help: "The course the person joins.") var to: Int64

    func run() async throws {
        let ref = try ResidentRef(person)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let promoted = try SeatService(context: context).transfer(ref, from: from, to: to, by: staff)
        try PromotedJSON(promoted: promoted).print(json: output.json, freed: "\(ref): moved from course \(from) to course \(to)")
    }
}
