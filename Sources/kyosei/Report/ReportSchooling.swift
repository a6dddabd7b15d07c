import ArgumentParser
import Foundation

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
        try await output.fetch(global, .schooling, by: by, asOf: asOf)
    }
}
