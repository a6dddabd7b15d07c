import ArgumentParser
import KyoseiAPI
import KyoseiServices

/// `employer headcount`: the employer's insured headcount, which decides whether its
/// short-time workers are in the employer insurances (51+ since 2024-10, lower from 2027-10).
struct EmployerHeadcount: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "headcount", abstract: "Record an employer's insured headcount (EPI insured across the enterprise).",
        discussion: """
            No partner file carries it; staff record it from the pension office's notice or the \
            employer. `unknown` clears it. Audited and kept in the history.
            Example:
              kyosei employer headcount 1180301018771 60 --reason "pension office notice 2026-10"
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Corporate number, or L and the labour-insurance number.") var id: String
    @Argument(help: "Insured employees, or unknown.") var headcount: String
    @Option(help: "Where it comes from.") var reason: String

    func run() async throws {
        let count: Int?
        if headcount.lowercased() == "unknown" {
            count = nil
        } else {
            guard let n = Int(headcount), n >= 0 else { throw ArgumentParser.ValidationError("headcount must be a number of 0 or more, or unknown.") }
            count = n
        }
        let employer = try await APIConnection.call(global) { api in
            try await api.setEmployerHeadcount(path: .init(id: id), body: .json(.init(headcount: count, reason: reason))).ok.body.json
        }
        print("\(employer.employerId) \(employer.name): insured headcount \(employer.insuredHeadcount.map(String.init) ?? "unknown")")
    }
}
