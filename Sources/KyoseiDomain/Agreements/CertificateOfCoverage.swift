/// A certificate of coverage (適用証明書) issued by the home country's institution under a
/// social-security agreement: the worker seconded to Japan stays in the home scheme for the
/// certificate's period and is exempt from the Japanese schemes the agreement covers. Staff
/// record it per person from the copy the employer files with the Japan Pension Service.
public struct CertificateOfCoverage: Sendable, Hashable {
    /// The country that issued it (the agreement's other party).
    public let country: Nationality
    public let from: LocalDate
    /// The last day it covers.
    public let until: LocalDate
    /// The agreement's usual longest secondment, in years.
    public let usualSecondmentYears: Int

    public init(country: Nationality, from: LocalDate, until: LocalDate, under agreements: AgreementTable = .enacted) throws {
        guard until >= from else {
            throw ValidationError(field: "certificate until", value: until.description, reason: "is before its start \(from)")
        }
        guard let agreement = agreements.with(country) else {
            throw ValidationError(field: "certificate country", value: country.rawValue, reason: "has no social-security agreement with Japan")
        }
        guard from >= agreement.inForce else {
            throw ValidationError(field: "certificate from", value: from.description,
                                  reason: "is before the agreement with \(country) came into force on \(agreement.inForce)")
        }
        self.country = country
        self.from = from
        self.until = until
        usualSecondmentYears = agreement.maxSecondmentYears
    }

    public func isValid(on date: LocalDate) -> Bool { from <= date && date <= until }

    /// Longer than the agreement's usual secondment: an extension agreed between the two
    /// countries, which staff should see confirmed.
    public var exceedsUsualSecondment: Bool {
        until >= from.adding(years: usualSecondmentYears)
    }
}
