import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct SchoolConfirm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Record what a home visit found about a child's schooling.",
        discussion: """
            The outcome counts for the MEXT classification until a later school roster lists the child.
            Example:
              kyosei school confirm K12 --outcome not-enrolled --note "Visited 11/20; mother says he helps at the shop"
              kyosei school confirm K14 --outcome could-not-confirm --note "Visited 11/20 and 11/27; nobody at home"
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "not-enrolled, foreign-school, departing, enrolled or could-not-confirm (visited, and the family could not be reached or would not say: MEXT's class 5).") var outcome: String
    @Option(help: "What the visit found.") var note: String
    @Argument(help: "K<number>, person id or card number.") var person: String

    func run() async throws {
        let ref = try ResidentRef(person)
        let found = try HomeVisitOutcome(option: outcome)
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let child = try SchoolingService(context: context).confirm(ref, outcome: found, note: note, by: staff)
        if output.json {
            try Output.json(child)
        } else {
            print("\(ref): recorded \(found.rawValue)" + (child.map { "; MEXT class now \($0.mextClass.rawValue)." } ?? "; not of compulsory age in the register today."))
        }
    }
}
