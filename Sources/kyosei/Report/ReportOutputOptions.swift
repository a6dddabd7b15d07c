import ArgumentParser
import Foundation
import KyoseiAPI
import KyoseiDomain
import KyoseiReports
import OpenAPIRuntime

/// How every report is written out: one set of options, so a format added once reaches them all.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "csv, json, md or html (a self-contained page with charts, to open in a browser).") var format = "md"
    @Option(help: "For CSV: utf-8 (with a BOM, for Excel) or shift_jis.") var encoding = "utf-8"
    @Option(help: "Write to this file instead of standard output.") var out: String?

    /// Checks the options before any work is done, so a typo costs nothing.
    func validatedFormat() throws -> ReportFormat {
        guard let reportFormat = ReportFormat(rawValue: format) else {
            throw KyoseiDomain.ValidationError(field: "--format", value: format, reason: "must be csv, json, md or html")
        }
        guard ["utf-8", "shift_jis"].contains(encoding) else {
            throw KyoseiDomain.ValidationError(field: "--encoding", value: encoding, reason: "must be utf-8 or shift_jis")
        }
        return reportFormat
    }

    /// Asks the server for the report, built, suppressed and rendered there under the city's
    /// policy, and writes its bytes out as they came.
    func fetch(_ global: GlobalOptions, _ report: Operations.RenderReport.Input.Path.ReportPayload, by: String?,
               asOf: String? = nil, period: String? = nil) async throws {
        let format = Operations.RenderReport.Input.Query.FormatPayload(rawValue: try validatedFormat().rawValue)
        let query = Operations.RenderReport.Input.Query(
            by: by, asOf: try parsed(asOf) { try LocalDate($0, field: "as-of date").description }, period: period,
            format: format, encoding: .init(rawValue: encoding))
        let bytes = try await APIConnection.call(global) { api in
            let body = try await api.renderReport(path: .init(report: report), query: query).ok.body.binary
            return try await Data(collecting: body, upTo: 1 << 30)
        }
        if let out {
            try OutputFile(out).write(bytes)
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }
}
