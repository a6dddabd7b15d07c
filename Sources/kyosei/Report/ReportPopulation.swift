import ArgumentParser
import KyoseiDomain
import KyoseiReports
import KyoseiServices

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
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        guard let dimension = PopulationDimension(rawValue: by) else {
            throw ValidationError(field: "--by", value: by, reason: "must be nationality, status, district, age-band or register-state")
        }
        _ = try output.validatedFormat()
        let environment = try await CommandEnvironment.load(global)
        let (context, staff) = try environment.session()
        let groups = try PopulationService(context: context).figures(asOf: date, by: dimension, staff: staff)
        try output.write(PopulationTable.build(
            title: "Foreign residents by \(dimension.rawValue), as of \(date ?? environment.clock.today)",
            groupedBy: dimension.rawValue, groups: groups, minimum: environment.settings.suppressionMinimum))
    }
}
