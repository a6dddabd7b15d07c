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

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let employedFrom = Column(CodingKeys.employedFrom)
        public static let employedUntil = Column(CodingKeys.employedUntil)
        public static let residentID = Column(CodingKeys.residentID)
        public static let hireNotificationID = Column(CodingKeys.hireNotificationID)
        public static let separationNotificationID = Column(CodingKeys.separationNotificationID)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The lookups an employment file makes for every notification, as cached statements: the
/// query interface prepares its SQL anew on each call, which a 200,000-row file would pay
/// three times a row.
extension EmploymentEpisodeRecord {
    /// The jobs a card holds on `date` at any employer but `employer`, their hours known: what
    /// the 28-hour total adds up.
    public static func held(byCard card: ResidenceCardNumber, elsewhereThan employer: String, on date: LocalDate,
                            in db: Database) throws -> [EmploymentEpisodeRecord] {
        try fetchAll(db.cachedStatement(sql: """
            SELECT * FROM employment_episode
            WHERE residence_card_number = ? AND employer_id <> ? AND employed_from <= ? AND weekly_hours IS NOT NULL
              AND (employed_until IS NULL OR employed_until >= ?)
            """), arguments: [card.rawValue, employer, date.description, date.description])
    }

    /// The newest episode at `employer` still open on `date` (hired by then, no separation yet):
    /// the one a separation closes.
    public static func open(card: ResidenceCardNumber, employer: String, on date: LocalDate, in db: Database) throws -> EmploymentEpisodeRecord? {
        try fetchOne(db.cachedStatement(sql: """
            SELECT * FROM employment_episode
            WHERE residence_card_number = ? AND employer_id = ? AND employed_until IS NULL AND employed_from <= ?
            ORDER BY employed_from DESC, id DESC LIMIT 1
            """), arguments: [card.rawValue, employer, date.description])
    }
}

extension DerivableRequest<EmploymentEpisodeRecord> {
    public func filter(resident id: Int64) -> Self { filter(EmploymentEpisodeRecord.Columns.residentID == id) }
    /// In the order the jobs began (a separation without its hire, by its end), then as recorded.
    public func inOrder() -> Self {
        typealias C = EmploymentEpisodeRecord.Columns
        return order(C.employedFrom ?? C.employedUntil, C.id)
    }
}
