import ArgumentParser

struct ReportLanguage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Language courses: enrolled, completed, completion rate, level progress, waitlist and waits, by group.",
        discussion: """
            Counts the seats of every course whose term overlaps the period: people given a seat, \
            those who completed (language.completion_percent of sessions, default 80), those with \
            placement and exit levels and those who rose a level, people still waiting, people \
            seated from the waitlist and those who waited over 30 days. Cells under \
            reports.suppression_minimum people are withheld (*), and \
            others with them until none can be worked out from what is published (totals, shares, other cuts of the same people).
            Example:
              kyosei report language --period FY2026 --by kind --format csv --out language.csv
              kyosei report language --period 2026-Q4 --by nationality
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "A month (2026-11), quarter (2026-Q4), year (2026) or fiscal year (FY2026); default: the current fiscal year.")
    var period: String?
    @Option(help: "kind, level or nationality.") var by = "kind"
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        try await output.fetch(global, .language, by: by, period: period)
    }
}
