import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct CourseResults: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "Attendance, completion and assessments of everyone a course seated; or record a person's levels.",
        discussion: """
            With PERSON and --placement and/or --exit, records that person's assessed levels (A1–C2)
            in the course. Without, lists each person seated: sessions attended of those scheduled,
            whether that completes the course (language.completion_percent, default 80), the
            latest placement and exit levels.
            Example:
              kyosei course results 3 K12 --placement A1
              kyosei course results 3 K12 --exit A2 --on 2027-03-15
              kyosei course results 3 --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The course number.") var course: Int64
    @Argument(help: "K<number>, 11-digit person id or residence card number (to record levels).") var person: String?
    @Option(help: "Level at placement (A1–C2).") var placement: String?
    @Option(help: "Level at exit (A1–C2).") var exit: String?
    @Option(help: "Date of the assessment (default: today).") var on: String?

    func run() async throws {
        let placementLevel = try parsed(placement) { try LanguageLevel(option: $0) }
        let exitLevel = try parsed(exit) { try LanguageLevel(option: $0) }
        let date = try parsed(on) { try LocalDate($0, field: "assessment date") }
        let ref = try parsed(person) { try ResidentRef($0) }
        let (context, staff) = try await CommandEnvironment.load(global).session()
        if let ref {
            try AttendanceService(context: context).assess(ref, course: course, placement: placementLevel, exit: exitLevel, on: date, by: staff)
            print("\(ref): levels recorded for course \(course).")
            return
        }
        guard placementLevel == nil, exitLevel == nil else { throw ServiceError.usage("Name the PERSON whose levels these are.") }
        let results = try CourseResultsService(context: context).results(course: course, by: staff)
        if output.json {
            try Output.json(results)
        } else {
            LanguageHistoryTable.print(results, courseColumns: false)
        }
    }
}
