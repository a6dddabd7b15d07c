/// The social-security agreements a city's rules read: the enacted table by default
/// (`SocialSecurityAgreements.all`), which the city's configuration may correct or extend when
/// an agreement comes into force, without a new release. One agreement per country.
public struct AgreementTable: Sendable, Equatable {
    public let agreements: [SocialSecurityAgreement]

    public init(_ agreements: [SocialSecurityAgreement]) throws {
        var seen = Set<Nationality>()
        for agreement in agreements where !seen.insert(agreement.country).inserted {
            throw ValidationError(field: "agreement", value: agreement.country.rawValue, reason: "is listed more than once")
        }
        self.agreements = agreements.sorted { ($0.inForce, $0.country.rawValue) < ($1.inForce, $1.country.rawValue) }
    }

    public static let enacted = try! AgreementTable(SocialSecurityAgreements.all)

    /// The agreement with `country`, whether or not it is in force yet.
    public func with(_ country: Nationality) -> SocialSecurityAgreement? {
        agreements.first { $0.country == country }
    }

    /// The agreement with `country` in force on `date`.
    public func inForce(with country: Nationality, on date: LocalDate) -> SocialSecurityAgreement? {
        with(country).flatMap { $0.isInForce(on: date) ? $0 : nil }
    }
}
