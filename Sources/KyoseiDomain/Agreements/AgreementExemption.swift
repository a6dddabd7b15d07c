/// Whether a social-security agreement exempts a person from a Japanese branch on a date.
/// Only a worker seconded by an employer in the other country, holding a certificate of
/// coverage valid on the date, under an agreement in force that covers the branch, is exempt;
/// a locally hired worker, a family member, or a certificate that has ended leaves the person
/// under the Japanese obligation. Source: each agreement's secondment article (e.g. the
/// Japan–US agreement art. 5(2)); Japan Pension Service, "協定を結んでいる国から日本で働く場合".
public enum AgreementExemption {
    public static func exempts(
        _ branch: InsuranceScheme.Branch, seconded: Bool, certificate: CertificateOfCoverage?, on date: LocalDate,
        agreements: AgreementTable = .enacted
    ) -> Applicability {
        let source = "Social-security agreement (secondment article); Japan Pension Service guidance"
        guard seconded else {
            return Applicability(.doesNotApply, "Not seconded from abroad: a locally hired worker is insured in Japan.", sources: [source])
        }
        guard let certificate else {
            return Applicability(.doesNotApply, "Seconded, but no certificate of coverage is recorded.", sources: [source])
        }
        guard let agreement = agreements.inForce(with: certificate.country, on: date) else {
            return Applicability(.doesNotApply, "The agreement with \(certificate.country) is not in force on \(date).", sources: [source])
        }
        guard agreement.covers(branch) else {
            return Applicability(.doesNotApply, "The agreement with \(certificate.country) does not cover \(branch) insurance.",
                                 sources: [agreement.source], forCityReview: agreement.forCityReview)
        }
        guard certificate.isValid(on: date) else {
            return Applicability(.doesNotApply, "The certificate of coverage from \(certificate.country) runs \(certificate.from) to \(certificate.until), not on \(date).",
                                 sources: [agreement.source], forCityReview: agreement.forCityReview)
        }
        return Applicability(.applies, "Seconded from \(certificate.country) with a certificate of coverage until \(certificate.until): exempt from Japanese \(branch) insurance.",
                             sources: [agreement.source], forCityReview: agreement.forCityReview)
    }
}
