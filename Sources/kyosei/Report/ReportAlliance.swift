import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiAPI
import OpenAPIRuntime

struct ReportAlliance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alliance",
        abstract: "The aggregate file the city sends the Alliance for a period (population, coverage, employment).",
        discussion: """
            Counts only, by nationality, already suppressed (withheld figures are null). The format \
            is described under "Reports and the Alliance" in the README.
            Example:
              kyosei report alliance --period FY2026 --out alliance-FY2026.json
              kyosei report alliance --period 2026-Q4 --out alliance-2026-Q4.json
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "A month (2026-11), a quarter (2026-Q4) or a fiscal year (FY2026, April to March).") var period: String
    @Option(help: "The file to write.") var out: String

    func run() async throws {
        let reportPeriod = try ReportPeriod(period)
        let bytes = try await APIConnection.call(global) { api in
            let body = try await api.allianceFile(path: .init(period: reportPeriod.description)).ok.body.binary
            return try await Data(collecting: body, upTo: 1 << 30)
        }
        try OutputFile(out).write(bytes)
        print("Wrote the \(reportPeriod) Alliance file to \(out).")
    }
}
