/// How urgent a coverage gap is, and why in a sentence staff can act on. A health gap leaves a
/// person without care, so it is high. A pension or employment-insurance gap is normal, except
/// for a permanent resident once wilful non-payment of social-insurance contributions can cost
/// them their status: then a pension or health gap is high and the reason says so.
///
/// Source: Immigration Control and Refugee Recognition Act art. 22-4(1) as amended by the 2024
/// amendment (2024 Law No. 60, promulgated 2024-06-21): permanent residence may be revoked for
/// wilful failure to pay public dues (公租公課), social-insurance contributions included. For
/// the city's review: the 2027-04-01 is used as the first day; the Act is to come into
/// force within three years of promulgation (by 2027-06-20) and the day the Cabinet Order sets
/// was not checked offline.
public enum CoverageGapPriority {
    public static let permanentResidenceRevocation = try! DatedSchedule<Bool>("cases.permanent_residence_revocation", [
        Dated(true, from: try! LocalDate(year: 2027, month: 4, day: 1),
              source: "Immigration Control and Refugee Recognition Act art. 22-4(1) as amended by 2024 Law No. 60 (revocation for wilful non-payment of public dues)",
              forCityReview: true),
    ])

    /// The priority of a gap in `obligation` for a person of `status` on `date`, and the reason
    /// when the status raised it.
    public static func assess(_ obligation: CoverageObligation, status: StatusOfResidence?, on date: LocalDate,
                              law: LegalThresholds = .enacted) -> (priority: CasePriority, reason: String?) {
        let base: CasePriority = obligation == .health ? .high : .normal
        guard status == .permanent, obligation != .employment,
              let step = law.permanentResidenceRevocation.step(on: date), step.value else { return (base, nil) }
        return (.high, "A permanent resident who wilfully leaves \(obligation.rawValue) contributions unpaid can lose permanent residence from \(step.effectiveFrom!) (\(step.source)).")
    }
}
