/// One of Japan's bilateral social-security agreements: from which day it is in force, which
/// Japanese branches it can exempt a seconded worker from, whether it totalises pension periods
/// and the usual longest secondment under it. A person is exempt from a Japanese scheme only as
/// a worker seconded from that country holding a certificate of coverage for the day
/// (`CertificateOfCoverage`); a locally hired national of the same country is insured in Japan
/// like anyone else.
public struct SocialSecurityAgreement: Sendable, Equatable {
    public let country: Nationality
    public let inForce: LocalDate
    /// The Japanese branches the agreement covers (pension always; health for some; employment
    /// insurance for a few).
    public let branches: Set<InsuranceScheme.Branch>
    /// Pension periods are totalised. The UK, Korea, China and Italy agreements only prevent
    /// double contributions.
    public let totalisation: Bool
    /// Years a secondment is usually expected to last at most for the home scheme to keep the
    /// worker (5 under every agreement; extensions are agreed case by case).
    public let maxSecondmentYears: Int
    public let source: String
    public let forCityReview: Bool

    public init(country: Nationality, inForce: LocalDate, branches: Set<InsuranceScheme.Branch>, totalisation: Bool,
                maxSecondmentYears: Int = 5, source: String, forCityReview: Bool = false) throws {
        guard branches.contains(.pension) else {
            throw ValidationError(field: "agreement", value: country.rawValue, reason: "every agreement covers pension")
        }
        guard (1...10).contains(maxSecondmentYears) else {
            throw ValidationError(field: "max secondment", value: String(maxSecondmentYears), reason: "must be 1 to 10 years")
        }
        self.country = country
        self.inForce = inForce
        self.branches = branches
        self.totalisation = totalisation
        self.maxSecondmentYears = maxSecondmentYears
        self.source = source
        self.forCityReview = forCityReview
    }

    public func isInForce(on date: LocalDate) -> Bool { date >= inForce }

    public func covers(_ branch: InsuranceScheme.Branch) -> Bool { branches.contains(branch) }
}
