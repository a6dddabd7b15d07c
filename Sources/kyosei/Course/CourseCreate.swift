import ArgumentParser
import KyoseiDomain
import KyoseiServices

struct CourseCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a course (permission course.manage: supervisors and administrators).",
        discussion: """
            Kinds: DAILY_LIFE, WORK, PRE_SCHOOL, ORIENTATION. Levels: A1 to C2 of the Japanese
            Language Education Reference Framework. With --json prints {"course_id": N}.
            Example:
              kyosei course create --kind DAILY_LIFE --level A1 --capacity 20 --starts 2026-12-01 --ends 2027-03-15 \\
                --title "Evening Japanese A1" --provider "Hamamatsu Intl. Assoc." --venue "Community hall 2F" --languages pt,vi --json
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "DAILY_LIFE, WORK, PRE_SCHOOL or ORIENTATION.") var kind: String
    @Option(help: "A1, A2, B1, B2, C1 or C2.") var level: String
    @Option(help: "Seats.") var capacity: Int
    @Option(help: "First day of the term (YYYY-MM-DD).") var starts: String
    @Option(help: "Last day of the term (YYYY-MM-DD).") var ends: String
    @Option(help: "Title (default: kind, level and start).") var title: String?
    @Option(help: "Who teaches it.") var provider = ""
    @Option(help: "Where.") var venue = ""
    @Option(help: "Languages of support, ISO 639-1 codes separated by commas (pt,vi,tl).") var languages = ""

    func run() async throws {
        let draft = try CourseDraft(
            kind: CourseKind(option: kind), level: LanguageLevel(option: level), title: title, provider: provider, venue: venue,
            startsOn: LocalDate(starts, field: "start date"), endsOn: LocalDate(ends, field: "end date"), capacity: capacity,
            supportLanguages: languages.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
        let (context, staff) = try await CommandEnvironment.load(global).session()
        let course = try CourseService(context: context).create(draft, by: staff)
        if output.json {
            try Output.json(["course_id": course.id])
        } else {
            print("Course \(course.id): \(course.title) (\(course.kind.rawValue) \(course.level.rawValue)), \(course.startsOn) to \(course.endsOn), \(course.capacity) seats.")
        }
    }
}
