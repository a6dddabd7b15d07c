import ArgumentParser

struct ReportCoverage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Share of residents covered per obligation (health, pension, employment), by group.",
        discussion: """
            Cells under reports.suppression_minimum people are withheld (*), and \
            others with them until none can be worked out from what is published (totals, shares, other cuts of the same people).
            Example:
              kyosei report coverage --by nationality --format csv --out coverage.csv
              kyosei report coverage --by age-band --format md
              kyosei report coverage --by region --format md    # Latin America, East/Southeast/South Asia, other
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "As of this date (default: today).") var asOf: String?
    @Option(help: "nationality, region, status, age-band or district.") var by = "nationality"
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        try await output.fetch(global, .coverage, by: by, asOf: asOf)
    }
}
