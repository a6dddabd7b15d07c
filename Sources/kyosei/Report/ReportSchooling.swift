import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiReports
import KyoseiServices

struct ReportSchooling: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schooling",
        abstract: "The MEXT enrollment table: compulsory-age children per class, against the register's head-count.",
        discussion: """
            Elementary age (grades 1–6) and junior-high age (7–9) are reported separately. Cells under \
            reports.suppression_minimum children are withheld (*), and \
            others with them until none can be worked out from what is published (totals, shares, other cuts of the same people).
            Example:
              kyosei report schooling --as-of 2026-05-01 --by nationality --format csv --out mext.csv
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "As of this date (default: today).") var asOf: String?
    @Option(help: "nationality, district or grade.") var by = "nationality"
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        guard let dimension = SchoolingDimension(rawValue: by) else {
            throw KyoseiDomain.ValidationError(field: "--by", value: by, reason: "must be nationality, district or grade")
        }
        _ = try output.validatedFormat()
        let environment = try await CommandEnvironment.load(global)
        let (context, staff) = try environment.session()
        let groups = try SchoolingService(context: context).figures(asOf: date, by: dimension, staff: staff)
        try output.write(SchoolingTable.build(
            title: "Compulsory-age foreign children's schooling by \(dimension.rawValue), as of \(date ?? environment.clock.today)",
            groupedBy: dimension.rawValue, groups: groups, minimum: environment.settings.suppressionMinimum))
    }
}
