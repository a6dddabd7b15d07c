/// What is known about one employee's job on a date that decides whether the employer
/// insurances apply: gathered by the service from the hire notification, the rosters and staff
/// records, so the rule stays a pure function. Unknowns are nil, never guessed here.
public struct EmployeeInsuranceFacts: Sendable, Equatable {
    public var birthDate: LocalDate
    /// Contracted weekly hours at this employer.
    public var weeklyHours: Double
    /// The employer's full-time weekly hours, where known; the three-quarters rule reads
    /// against `InsuranceThresholds.defaultFullTimeWeeklyHours` (40) otherwise.
    public var fullTimeWeeklyHours: Double?
    /// The employer's insured headcount (EPI insured across the enterprise), from the rosters
    /// or a staff record; for a dispatched worker, the dispatching agency's.
    public var employerInsuredHeadcount: Int?
    /// Employees of the employer Kyosei itself sees in EPI on the rosters: a floor under its
    /// headcount (only foreign workers are notified, and only those matched are seen), so it can
    /// show an employer is large enough, never that it is too small.
    public var employerInsuredSeen: Int
    /// Scheduled monthly wage in yen, where known.
    public var monthlyWage: Int?
    public var contract: ContractPeriod?
    public var student: StudentStanding
    /// A dispatch (temp-agency) worker: the agency is the employer for insurance.
    public var dispatched: Bool

    public init(birthDate: LocalDate, weeklyHours: Double, fullTimeWeeklyHours: Double? = nil, employerInsuredHeadcount: Int? = nil,
                employerInsuredSeen: Int = 0, monthlyWage: Int? = nil, contract: ContractPeriod? = nil, student: StudentStanding = .notStudent,
                dispatched: Bool = false) {
        self.birthDate = birthDate
        self.weeklyHours = weeklyHours
        self.fullTimeWeeklyHours = fullTimeWeeklyHours
        self.employerInsuredHeadcount = employerInsuredHeadcount
        self.employerInsuredSeen = employerInsuredSeen
        self.monthlyWage = monthlyWage
        self.contract = contract
        self.student = student
        self.dispatched = dispatched
    }
}
