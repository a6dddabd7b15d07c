import KyoseiDomain
import KyoseiServices

extension APIHandler {
    func showCoverage(_ input: Operations.ShowCoverage.Input) async throws -> Operations.ShowCoverage.Output {
        let ref = try ResidentRef(input.path.ref)
        let date = try input.query.asOf.map { try LocalDate($0, field: "as_of") }
        let coverage = try await work { context, staff in try CoverageService(context: context).show(ref, asOf: date, by: staff) }
        return .ok(.init(body: .json(.init(
            resident: .init(coverage.resident), asOf: coverage.asOf.description,
            exemptions: coverage.exemptions.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                .init(obligation: $0.key.rawValue, reason: $0.value)
            },
            obligations: coverage.obligations.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                .init(obligation: $0.key.rawValue, covered: $0.value)
            },
            enrollments: coverage.enrollments.map {
                .init(scheme: $0.scheme.rawValue, memberType: $0.memberType.rawValue, from: $0.enrolledFrom.description,
                      until: $0.enrolledUntil?.description, agreementExempt: $0.agreementExempt,
                      active: $0.isActive(on: coverage.asOf))
            }))))
    }

    func listCoverageGaps(_ input: Operations.ListCoverageGaps.Input) async throws -> Operations.ListCoverageGaps.Output {
        let date = try input.query.asOf.map { try LocalDate($0, field: "as_of") }
        let obligation = input.query.scheme.flatMap { CoverageObligation(rawValue: $0.rawValue) }
        let limit = try Self.limit(input.query.limit, default: 500)
        let gaps = try await work { context, staff in
            try CoverageService(context: context).gaps(asOf: date, obligation: obligation, limit: limit, by: staff)
        }
        return .ok(.init(body: .json(gaps.map { .init(obligation: $0.obligation.rawValue, resident: .init($0.resident)) })))
    }
}
