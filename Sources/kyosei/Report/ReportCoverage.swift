import ArgumentParser
import KyoseiDomain
import KyoseiReports
import KyoseiServices

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
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        guard let dimension = CoverageDimension(rawValue: by) else {
            throw ValidationError(field: "--by", value: by, reason: "must be nationality, region, status, age-band or district")
        }
        _ = try output.validatedFormat()
        let environment = try await CommandEnvironment.load(global)
        let (context, staff) = try environment.session()
        try output.write(CoverageService(context: context).table(
            asOf: date, by: dimension, obligations: CoverageObligationKey.allCases, staff: staff))
    }
}
