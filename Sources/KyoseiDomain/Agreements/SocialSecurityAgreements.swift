/// Japan's social-security agreements in force, by country (the defaults of `AgreementTable`,
/// which a city may correct in its configuration): the Japan Pension Service's table
/// "協定を結んでいる国との協定発効時期および対象となる社会保障制度" (updated 2025-10-27) for the
/// months in force and totalisation; the Japanese branches covered as that table and the
/// Promotion and Mutual Aid Corporation for Private Schools' table list them (pension only,
/// or pension and health for the USA, Belgium, France, the Netherlands, Czechia, Switzerland,
/// Hungary and Luxembourg). Each agreement takes effect on the first day of its month.
///
/// For the city's review: the day of each month (the 1st), the health column for Czechia
/// (amended 2018-08), the employment-insurance coverage of the Finland and Italy agreements, the
/// branches of the Austria agreement (in force 2025-12) and the 5-year secondment for every
/// country were not checked against the agreements' texts.
public enum SocialSecurityAgreements {
    private static func a(_ code: String, _ y: Int, _ m: Int, _ branches: Set<InsuranceScheme.Branch>, totalisation: Bool = true,
                          review: Bool = false) -> SocialSecurityAgreement {
        try! SocialSecurityAgreement(
            country: Nationality(code), inForce: LocalDate(year: y, month: m, day: 1), branches: branches, totalisation: totalisation,
            source: "Agreement between Japan and \(code) on social security, in force \(y)-\(m < 10 ? "0" : "")\(m); Japan Pension Service table of agreements",
            forCityReview: review)
    }

    private static let p: Set<InsuranceScheme.Branch> = [.pension]
    private static let ph: Set<InsuranceScheme.Branch> = [.pension, .health]
    private static let pe: Set<InsuranceScheme.Branch> = [.pension, .employment]

    public static let all: [SocialSecurityAgreement] = [
        a("DE", 2000, 2, p),
        a("GB", 2001, 2, p, totalisation: false),
        a("KR", 2005, 4, p, totalisation: false),
        a("US", 2005, 10, ph),
        a("BE", 2007, 1, ph),
        a("FR", 2007, 6, ph),
        a("CA", 2008, 3, p),
        a("AU", 2009, 1, p),
        a("NL", 2009, 3, ph),
        a("CZ", 2009, 6, ph, review: true),
        a("ES", 2010, 12, p),
        a("IE", 2010, 12, p),
        a("BR", 2012, 3, p),
        a("CH", 2012, 3, ph),
        a("HU", 2014, 1, ph),
        a("IN", 2016, 10, p),
        a("LU", 2017, 8, ph),
        a("PH", 2018, 8, p),
        a("SK", 2019, 7, p),
        a("CN", 2019, 9, p, totalisation: false),
        a("FI", 2022, 2, pe, review: true),
        a("SE", 2022, 6, p),
        a("IT", 2024, 4, pe, totalisation: false, review: true),
        a("AT", 2025, 12, p, review: true),
    ]
}
