import ArgumentParser
import KyoseiDomain
import KyoseiReports
import KyoseiServices

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
        guard let dimension = EmploymentDimension(rawValue: by) else {
            throw KyoseiDomain.ValidationError(field: "--by", value: by, reason: "must be nationality, status or employer-size")
        }
        _ = try output.validatedFormat()
        let environment = try await CommandEnvironment.load(global)
        let reportPeriod = try ReportPeriod(period ?? String(environment.clock.today.year))
        let (context, staff) = try environment.session()
        let groups = try EmploymentService(context: context).figures(period: reportPeriod, by: dimension, staff: staff)
        try output.write(EmploymentTable.build(
            title: "Employment reports by \(dimension.rawValue), \(reportPeriod.first) to \(reportPeriod.last)",
            groupedBy: dimension.rawValue, groups: groups, minimum: environment.settings.suppressionMinimum))
    }
}
