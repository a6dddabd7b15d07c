import KyoseiDomain

/// One kind of notification the sample file holds, with what Kyosei must make of it. The truth
/// is written down here by hand, not computed by Kyosei's own checks, so tests compare the
/// import against the law as the spec states it.
public enum EmploymentScenario: String, Sendable, CaseIterable {
    /// A worker whose status allows the work, insured, 40 hours, reported in good time.
    case cleanHire
    /// As `cleanHire`, reported on the deadline itself (the 10th of the next month): on time.
    case hireOnDeadline
    /// As `cleanHire`, reported the day after the deadline.
    case lateHire
    /// A Student, Dependent, Trainee or Cultural status with no permission for another activity.
    case workNotPermitted
    /// The same with permission, but contracted for 28.5 hours a week.
    case overPermittedHours
    /// 20 hours a week and not in employment insurance.
    case eiMissing
    /// A dispatch worker, 30 hours, not insured: the pattern the Alliance asked about.
    case dispatchedUninsured
    /// The report's period of stay ended the day before the hire.
    case stayExpired
    /// A card no resident holds.
    case unknownCard
    /// The card of a resident whose birth date differs from the report's: an identity review.
    case birthDateDiffers
    /// A hire and, later in the same file, its separation (reported in good time).
    case hireThenSeparation
    /// A separation with no hire on record.
    case separationWithoutHire
    /// Rejected rows: a Special Permanent Resident reported, a bad corporate check digit, bad hours.
    case specialPermanentReported, badCheckDigit, badHours

    /// The findings Kyosei must record for the scenario's (last) notification.
    public var expectedFindings: Set<EmploymentFindingKind> {
        switch self {
        case .lateHire: [.lateReport]
        case .workNotPermitted, .overPermittedHours: [.workNotPermitted]
        case .eiMissing, .dispatchedUninsured: [.eiMissing]
        case .separationWithoutHire: [.separationWithoutHire]
        case .stayExpired: [.stayExpired]
        default: []
        }
    }

    /// The row must be set aside as a reject.
    public var isReject: Bool { [.specialPermanentReported, .badCheckDigit, .badHours].contains(self) }

    /// How the notification must stand against the residents: `LINKED`, `REVIEW` or `UNLINKED`.
    public var expectedLink: String? {
        switch self {
        case .unknownCard: "UNLINKED"
        case .birthDateDiffers: "REVIEW"
        case .specialPermanentReported, .badCheckDigit, .badHours: nil
        default: "LINKED"
        }
    }
}
