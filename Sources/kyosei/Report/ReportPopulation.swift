import ArgumentParser

struct ReportPopulation: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "population",
        abstract: "Registered foreign residents, by nationality, status, district, age band or register state.",
        discussion: """
            Counts residents registered (or abroad with a re-entry permit) on the date; by \
            register-state, every record resident by then. Cells under reports.suppression_minimum \
            residents are withheld (*), and \
            others with them until none can be worked out from what is published (totals, shares, other cuts of the same people).
            Example:
              kyosei report population --by district --format csv --out population.csv
              kyosei report population --as-of 2026-04-01 --by age-band
              kyosei report population --by nationality --format html --out population.html
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "As of this date (default: today).") var asOf: String?
    @Option(help: "nationality, status, district, age-band or register-state.") var by = "nationality"
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        try await output.fetch(global, .population, by: by, asOf: asOf)
    }
}
