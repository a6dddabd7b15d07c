import Foundation
import KyoseiDomain
import KyoseiReports
import KyoseiServices
import OpenAPIRuntime

extension APIHandler {
    /// Builds, suppresses and renders the report here, on the server: a client receives only
    /// the published figures, never a withheld one it could put back.
    func renderReport(_ input: Operations.RenderReport.Input) async throws -> Operations.RenderReport.Output {
        let q = input.query
        guard let kind = ReportKind(rawValue: input.path.report.rawValue),
              let format = ReportFormat(rawValue: (q.format ?? .md).rawValue) else {
            throw ServiceError.usage("No such report or format.")
        }
        let date = try q.asOf.map { try LocalDate($0, field: "as_of") }
        let shiftJIS = q.encoding == .shiftJis
        let bytes = try await work { context, staff in
            let table = try ReportService(context: context).table(kind, by: q.by, asOf: date, period: q.period, staff: staff)
            return try format.render(table, shiftJIS: shiftJIS)
        }
        return .ok(.init(body: .binary(HTTPBody(bytes))))
    }

    func allianceFile(_ input: Operations.AllianceFile.Input) async throws -> Operations.AllianceFile.Output {
        let period = try ReportPeriod(input.path.period)
        let bytes = try await work { context, staff in
            try AllianceJSON.encoder.encode(try AllianceService(context: context).export(period: period, staff: staff))
        }
        return .ok(.init(body: .binary(HTTPBody(bytes))))
    }
}
