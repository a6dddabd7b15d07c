import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiReports

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

    func write(_ table: ReportTable) throws {
        let bytes = try validatedFormat().render(table, shiftJIS: encoding == "shift_jis")
        if let out {
            try Data(bytes).write(to: URL(fileURLWithPath: out))
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
