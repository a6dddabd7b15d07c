import KyoseiDomain

/// One hire or separation notification.
public struct EmploymentReportRow: Sendable, Hashable {
    public var reportType: EmploymentReportType
    /// The day the employer filed it (deadlines are judged on it).
    public var reportDate: LocalDate
    public var employerID: EmployerID
    public var establishmentName: String
    public var establishmentAddress: String
    public var cardNumber: ResidenceCardNumber
    public var nameLatin: String
    public var birthDate: LocalDate
    public var sex: Sex
    public var nationality: Nationality
    /// Never empty: Special Permanent Residents, who hold none, are not reported.
    public var status: StatusOfResidence
    public var stayExpiry: LocalDate?
    public var otherActivityPermission: Bool
    /// The hire or the separation date.
    public var eventDate: LocalDate
    public var employmentInsurance: Bool
    /// Contracted hours a week.
    public var weeklyHours: Double
    /// A dispatch (temp-agency) worker.
    public var dispatched: Bool
    public var occupation: String?
    /// The last day of a fixed-term contract; nil when there is none or the file does not say.
    public var contractEnd: LocalDate?
    /// The contract says it may be renewed; false when it has no fixed term.
    public var contractRenewable: Bool

    public init(
        reportType: EmploymentReportType, reportDate: LocalDate, employerID: EmployerID,
        establishmentName: String, establishmentAddress: String, cardNumber: ResidenceCardNumber,
        nameLatin: String, birthDate: LocalDate, sex: Sex, nationality: Nationality,
        status: StatusOfResidence, stayExpiry: LocalDate?, otherActivityPermission: Bool, eventDate: LocalDate,
        employmentInsurance: Bool, weeklyHours: Double, dispatched: Bool, occupation: String?,
        contractEnd: LocalDate? = nil, contractRenewable: Bool = false
    ) {
        self.reportType = reportType
        self.reportDate = reportDate
        self.employerID = employerID
        self.establishmentName = establishmentName
        self.establishmentAddress = establishmentAddress
        self.cardNumber = cardNumber
        self.nameLatin = nameLatin
        self.birthDate = birthDate
        self.sex = sex
        self.nationality = nationality
        self.status = status
        self.stayExpiry = stayExpiry
        self.otherActivityPermission = otherActivityPermission
        self.eventDate = eventDate
        self.employmentInsurance = employmentInsurance
        self.weeklyHours = weeklyHours
        self.dispatched = dispatched
        self.occupation = occupation
        self.contractEnd = contractEnd
        self.contractRenewable = contractRenewable
    }

    /// The contract's term from the hire, as the rules read it; nil for a separation or when
    /// the file gives no end (no fixed term reads the same to every rule).
    public var contract: ContractPeriod? {
        guard reportType == .hire, let contractEnd else { return nil }
        return try? ContractPeriod(start: eventDate, end: contractEnd, renewable: contractRenewable)
    }
}
