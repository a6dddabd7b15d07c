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

    public init(isHire: Bool, reportDate: LocalDate, eventDate: LocalDate, status: StatusOfResidence,
                otherActivityPermission: Bool, weeklyHours: Double, employmentInsurance: Bool, stayExpiry: LocalDate?) {
        self.isHire = isHire
        self.reportDate = reportDate
        self.eventDate = eventDate
        self.status = status
        self.otherActivityPermission = otherActivityPermission
        self.weeklyHours = weeklyHours
        self.employmentInsurance = employmentInsurance
        self.stayExpiry = stayExpiry
    }

    /// The day it had to be filed by.
    public var deadline: LocalDate {
        isHire ? ReportingDeadline.forHire(on: eventDate, insured: employmentInsurance)
            : ReportingDeadline.forSeparation(on: eventDate, insured: employmentInsurance)
    }
}
