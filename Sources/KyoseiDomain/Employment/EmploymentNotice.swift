/// The facts of one notification that the checks read, free of files and databases so the
/// law's rules can be tested on their own.
public struct EmploymentNotice: Sendable, Hashable {
    public var isHire: Bool
    public var reportDate: LocalDate
    public var eventDate: LocalDate
    public var status: StatusOfResidence
    public var otherActivityPermission: Bool
    public var weeklyHours: Double
    public var employmentInsurance: Bool
    /// The last day of the period of stay, from the report or else the resident's record.
    public var stayExpiry: LocalDate?
    /// Whether the worker studies full-time: as staff recorded it, else presumed from the status.
    public var student: StudentStanding
    /// The Designated Activities designation, where staff recorded one.
    public var designation: Designation?
    /// The contract's term, when the notification gives it (an optional column).
    public var contract: ContractPeriod?
    /// The worker's other jobs on record (at other employers), for the 28-hour total.
    public var otherJobs: [ConcurrentJob]

    public init(isHire: Bool, reportDate: LocalDate, eventDate: LocalDate, status: StatusOfResidence,
                otherActivityPermission: Bool, weeklyHours: Double, employmentInsurance: Bool, stayExpiry: LocalDate?,
                student: StudentStanding? = nil, designation: Designation? = nil, contract: ContractPeriod? = nil,
                otherJobs: [ConcurrentJob] = []) {
        self.isHire = isHire
        self.reportDate = reportDate
        self.eventDate = eventDate
        self.status = status
        self.otherActivityPermission = otherActivityPermission
        self.weeklyHours = weeklyHours
        self.employmentInsurance = employmentInsurance
        self.stayExpiry = stayExpiry
        self.student = student ?? .presumed(for: status)
        self.designation = designation
        self.contract = contract
        self.otherJobs = otherJobs
    }

    /// The day it had to be filed by.
    public var deadline: LocalDate {
        isHire ? ReportingDeadline.forHire(on: eventDate, insured: employmentInsurance)
            : ReportingDeadline.forSeparation(on: eventDate, insured: employmentInsurance)
    }
}
