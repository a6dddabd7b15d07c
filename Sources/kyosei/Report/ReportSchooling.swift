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
            Elementary age (grades 1–6) and junior-high age (7–9) are reported separately. Cells under
            reports.suppression_minimum children are withheld (*), and a second cell with them where
            one alone could be worked out from the totals.
            Example:
              kyosei report schooling --as-of 2026-05-01 --by nationality --format csv --out mext.csv
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "As of this date (default: today).") var asOf: String?
    @Option(help: "nationality, district or grade.") var by = "nationality"
    @Option(help: "csv, json or md.") var format = "md"
    @Option(help: "For CSV: utf-8 (with a BOM, for Excel) or shift_jis.") var encoding = "utf-8"
    @Option(help: "Write to this file instead of standard output.") var out: String?

    func run() async throws {
        let date = try parsed(asOf) { try LocalDate($0, field: "as-of date") }
        guard let dimension = SchoolingDimension(rawValue: by) else {
            throw KyoseiDomain.ValidationError(field: "--by", value: by, reason: "must be nationality, district or grade")
        }
        guard let reportFormat = ReportFormat(rawValue: format) else {
            throw KyoseiDomain.ValidationError(field: "--format", value: format, reason: "must be csv, json or md")
        }
        guard ["utf-8", "shift_jis"].contains(encoding) else {
            throw KyoseiDomain.ValidationError(field: "--encoding", value: encoding, reason: "must be utf-8 or shift_jis")
        }
        let environment = try await CommandEnvironment.load(global)
        let (context, staff) = try environment.session()
        let groups = try SchoolingService(context: context).figures(asOf: date, by: dimension, staff: staff)
        let table = SchoolingTable.build(
            title: "Compulsory-age foreign children's schooling by \(dimension.rawValue), as of \(date ?? environment.clock.today)",
            groupedBy: dimension.rawValue, groups: groups, minimum: environment.settings.suppressionMinimum)
        let bytes = try reportFormat.render(table, shiftJIS: encoding == "shift_jis")
        if let out {
            try Data(bytes).write(to: URL(fileURLWithPath: out))
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
