import ArgumentParser

struct ReportEmployment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "employment",
        abstract: "Hires, separations, late reports, insured and dispatched shares, by group.",
        discussion: """
            Counts the notifications whose hire or separation falls in the period. Cells under \
            reports.suppression_minimum notifications are withheld (*), and \
            others with them until none can be worked out from what is published (totals, shares, other cuts of the same people).
            Example:
              kyosei report employment --period 2026-Q3 --by employer-size --format csv --out employment.csv
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "A year (2026), quarter (2026-Q3) or month (2026-07); default: the current year.") var period: String?
    @Option(help: "nationality, status or employer-size.") var by = "nationality"
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        try await output.fetch(global, .employment, by: by, period: period)
    }
}
