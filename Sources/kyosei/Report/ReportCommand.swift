import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiReports
import KyoseiServices

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Aggregate reports that leave the city: no person in them, small cells withheld.",
        subcommands: [ReportCoverage.self, ReportEmployment.self, ReportSchooling.self])
}

struct ReportCoverage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Share of residents covered per obligation (health, pension, employment), by group.",
        discussion: """
            Cells under reports.suppression_minimum people are withheld (*), and a second cell with
            them where one alone could be worked out from the total.
            Example:
              kyosei report coverage --by nationality --format csv --out coverage.csv
              kyosei report coverage --by age-band --format md
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "As of this date (default: today).") var asOf: String?
    @Option(help: "nationality, status, age-band or district.") var by = "nationality"
    @Option(help: "csv, json or md.") var format = "md"
    @Option(help: "For CSV: utf-8 (with a BOM, for Excel) or shift_jis.") var encoding = "utf-8"
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func run() async throws {
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        guard let dimension = CoverageDimension(rawValue: by) else {
            throw ValidationError(field: "--by", value: by, reason: "must be nationality, status, age-band or district")
        }
        guard let reportFormat = ReportFormat(rawValue: format) else {
            throw ValidationError(field: "--format", value: format, reason: "must be csv, json or md")
        }
        guard ["utf-8", "shift_jis"].contains(encoding) else {
            throw ValidationError(field: "--encoding", value: encoding, reason: "must be utf-8 or shift_jis")
        }
        let environment = try await CommandEnvironment.load(global)
        let (context, staff) = try environment.session()
        let groups = try CoverageService(context: context).figures(asOf: date, by: dimension, staff: staff)
        let table = CoverageTable.build(
            title: "Social-insurance coverage by \(dimension.rawValue), as of \(date ?? environment.clock.today)",
            groupedBy: dimension.rawValue, groups: groups, obligations: CoverageObligationKey.allCases,
            minimum: environment.settings.suppressionMinimum)
        let bytes = try reportFormat.render(table, shiftJIS: encoding == "shift_jis")
        if let out {
            try Data(bytes).write(to: URL(fileURLWithPath: out))
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
