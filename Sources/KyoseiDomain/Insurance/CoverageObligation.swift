/// The social-insurance obligations of `domain.md`, as pure rules over a person's birth date,
/// register state and the date asked, with ages counted as the law counts them (`AgeRule`).
/// Whether work puts someone under the employment obligation is decided per job by
/// `EmploymentInsuranceApplicability`; exclusions and agreements by `NHIExclusion` and
/// `AgreementExemption`.
public enum CoverageObligation: String, Sendable, Codable, CaseIterable {
    /// Every registered resident: NHI or EHI, Late-Stage Elderly Medical Care from the 75th birthday.
    case health
    /// Residents from the day they reach 20 until the day before they reach 60: NP or EPI,
    /// unless a social-security agreement exempts.
    case pension
    /// Employees whose job employment insurance covers: EI.
    case employment
    /// Employees whose job puts them in the employer insurances (`EmployerInsuranceApplicability`):
    /// EHI or EPI through the employer (for a dispatched worker, the agency). Either roster
    /// showing them meets it; on NHI or in nothing it is `EMPLOYER_INSURANCE_MISSING`.
    case employer

    /// The schemes that meet this obligation on `date` for someone born on `birthDate`.
    public func schemes(birthDate: LocalDate, on date: LocalDate) -> Set<InsuranceScheme> {
        switch self {
        case .health: AgeRule.lateElderly.holds(birthDate: birthDate, on: date) ? [.lateElderly] : [.nhi, .ehi]
        case .pension: [.np, .epi]
        case .employment: [.ei]
        case .employer: [.ehi, .epi]
        }
    }

    /// Every scheme that can meet this obligation at some age: once a roster of one of them
    /// has been applied, the obligation can be evaluated.
    public var anySchemes: Set<InsuranceScheme> {
        switch self {
        case .health: [.nhi, .ehi, .lateElderly]
        case .pension: [.np, .epi]
        case .employment: [.ei]
        case .employer: [.ehi, .epi]
        }
    }

    /// Whether a registered person's age puts them under this obligation on `date`. Employment
    /// has no age bound of its own here: it is decided per job.
    public static func appliesByAge(_ obligation: CoverageObligation, birthDate: LocalDate, state: RegisterState,
                                    on date: LocalDate) -> Bool {
        guard state == .registered, date >= birthDate else { return false }
        switch obligation {
        case .health, .employment, .employer: return true
        case .pension: return AgeRule.nationalPension.holds(birthDate: birthDate, on: date)
        }
    }
}
