/// The social-insurance obligations of `domain.md`, as pure rules over a person's age, register
/// state and work, with every threshold from the configuration.
public enum CoverageObligation: String, Sendable, Codable, CaseIterable {
    /// Every registered resident: NHI or EHI, Late-Stage Elderly Medical Care from the configured age.
    case health
    /// Residents of the configured ages (20–59): NP or EPI, unless a social-security agreement exempts.
    case pension
    /// Employees with enough contracted hours and expected days: EI.
    case employment

    /// The schemes that meet this obligation for someone of `age`.
    public func schemes(age: Int, settings: Settings) -> Set<InsuranceScheme> {
        switch self {
        case .health: age >= settings.lateElderlyAge ? [.lateElderly] : [.nhi, .ehi]
        case .pension: [.np, .epi]
        case .employment: [.ei]
        }
    }

    /// Whether a person is under this obligation on `date`. Employment needs what the employment
    /// reports say (weekly hours of the current job), nil when nothing is known.
    public static func applies(
        _ obligation: CoverageObligation, birthDate: LocalDate, state: RegisterState, on date: LocalDate,
        weeklyHours: Double?, settings: Settings
    ) -> Bool {
        guard state == .registered else { return false }
        let age = birthDate.age(on: date)
        switch obligation {
        case .health: return age >= 0
        case .pension: return age >= settings.pensionAgeFrom && age <= settings.pensionAgeUntil
        case .employment: return (weeklyHours ?? 0) >= settings.employmentInsuranceWeeklyHours
        }
    }
}
