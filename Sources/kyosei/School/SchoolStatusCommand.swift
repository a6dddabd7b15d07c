import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct SchoolStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "A person's MEXT class, every roster row linked to them, and the last home-visit confirmation.",
        discussion: "Example:\n  kyosei school status K12")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "As of this date (default: today).") var asOf: String?
    @Argument(help: "K<number>, person id or card number.") var person: String

    func run() async throws {
        let ref = try ResidentRef(person)
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let status = try SchoolingService(context: context).status(ref, asOf: date, by: staff)
        if output.json {
            try Output.json(status)
            return
        }
        print("\(status.reference) \(status.nameLatin)")
        if let c = status.child {
            Output.fields([
                ("MEXT class", c.mextClass.rawValue), ("Expected grade", String(c.expectedGrade)),
                ("Grade", c.grade.map(String.init) ?? ""), ("Days absent this year", String(c.daysAbsentYear)
                    + (c.longTermAbsence ? " (long-term absence)" : "")),
            ])
        } else {
            print("Not of compulsory age in the register on this date.")
        }
        if let last = status.lastConfirmation { print("Last confirmation: \(last)") }
        if !status.terms.isEmpty {
            print("")
            Output.table(["YEAR", "TERM", "SCHOOL", "TYPE", "GRADE", "ABSENT", "STATUS"], status.terms.map {
                [String($0.schoolYear), $0.term, $0.schoolName, $0.schoolType, String($0.grade),
                 "\($0.daysAbsent)/\($0.daysInTerm)", $0.status]
            })
        }
    }
}
