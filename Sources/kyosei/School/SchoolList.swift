import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct SchoolList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Every compulsory-age child with their MEXT class, grade, school type and days absent.",
        discussion: """
            Classes: ENROLLED_COMPULSORY, FOREIGN_SCHOOL, NOT_ENROLLED, DEPARTED, UNCONFIRMED. A grade \
            below the expected one is shown as it is (children are often placed a year below).
            Example:
              kyosei school list --class UNCONFIRMED --district D03 --json
            """,
        aliases: ["children"])
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "As of this date (default: today).") var asOf: String?
    @Option(name: .customLong("class"), help: "Only children of this MEXT class.") var mextClass: String?
    @Option(help: "Only children living in this district.") var district: String?

    func run() async throws {
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        let only = try parsed(mextClass) { try MextClass(code: $0.uppercased()) }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let children = try SchoolingService(context: context).children(asOf: date, mextClass: only, district: district, by: staff)
        if output.json {
            try Output.json(children)
            return
        }
        Output.table(["PERSON", "CLASS", "EXPECTED", "GRADE", "SCHOOL TYPE", "ABSENT", "DISTRICT"], children.map { c in
            [c.personID, c.mextClass == .unconfirmed ? Output.alert(c.mextClass.rawValue) : c.mextClass.rawValue,
             String(c.expectedGrade), c.grade.map(String.init) ?? "", c.schoolType?.rawValue ?? "",
             c.longTermAbsence ? Output.alert(String(c.daysAbsentYear)) : String(c.daysAbsentYear), c.district ?? ""]
        })
    }
}
