import GRDB
import KyoseiDomain

/// One stretch of work at one employer, opened by a hire and closed by a separation. Keyed by
/// card number so a notification that is not linked to a resident still has its history.
public struct EmploymentEpisodeRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "employment_episode"

    public var id: Int64?
    public var residenceCardNumber: ResidenceCardNumber
    public var residentID: Int64?
    public var employerID: String
    public var establishmentName: String
    /// Nil when the separation came for a hire Kyosei never saw.
    public var employedFrom: LocalDate?
    public var employedUntil: LocalDate?
    public var weeklyHours: Double?
    public var dispatched: Bool?
    public var employmentInsurance: Bool?
    public var hireNotificationID: Int64?
    public var separationNotificationID: Int64?
    /// Why it is not a plain hire then separation.
    public var flag: EmploymentFindingKind?
    /// The hire's contract term, when its notification carried one.
    public var contractEnd: LocalDate?
    public var contractRenewable: Bool?

    public init(id: Int64? = nil, residenceCardNumber: ResidenceCardNumber, residentID: Int64?, employerID: String,
                establishmentName: String, employedFrom: LocalDate?, employedUntil: LocalDate?, weeklyHours: Double?,
                dispatched: Bool?, employmentInsurance: Bool?, hireNotificationID: Int64?, separationNotificationID: Int64?,
                flag: EmploymentFindingKind?, contractEnd: LocalDate? = nil, contractRenewable: Bool? = nil) {
        self.id = id
        self.residenceCardNumber = residenceCardNumber
        self.residentID = residentID
        self.employerID = employerID
        self.establishmentName = establishmentName
        self.employedFrom = employedFrom
        self.employedUntil = employedUntil
        self.weeklyHours = weeklyHours
        self.dispatched = dispatched
        self.employmentInsurance = employmentInsurance
        self.hireNotificationID = hireNotificationID
        self.separationNotificationID = separationNotificationID
        self.flag = flag
        self.contractEnd = contractEnd
        self.contractRenewable = contractRenewable
    }

    enum CodingKeys: String, CodingKey {
        case contractEnd = "contract_end"
        case contractRenewable = "contract_renewable"
        case id, dispatched, flag
        case residenceCardNumber = "residence_card_number"
        case residentID = "resident_id"
        case employerID = "employer_id"
        case establishmentName = "establishment_name"
        case employedFrom = "employed_from"
        case employedUntil = "employed_until"
        case weeklyHours = "weekly_hours"
        case employmentInsurance = "employment_insurance"
        case hireNotificationID = "hire_notification_id"
        case separationNotificationID = "separation_notification_id"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
