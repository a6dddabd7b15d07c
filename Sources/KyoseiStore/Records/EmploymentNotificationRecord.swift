import GRDB
import KyoseiDomain

/// One hire or separation notification as the employer filed it, and whom it was linked to.
public struct EmploymentNotificationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "employment_notification"

    /// How the notification stands against the residents Kyosei holds.
    public enum Link: String, Codable, Sendable {
        /// The card holder's birth date and sex agree with the report.
        case linked = "LINKED"
        /// The card belongs to someone whose birth date or sex differ: an identity review, no link.
        case review = "REVIEW"
        /// No resident holds the card.
        case unlinked = "UNLINKED"
    }

    public var id: Int64?
    public var fileID: Int64
    public var line: Int
    public var reportType: String
    public var reportDate: LocalDate
    public var employerID: String
    public var establishmentName: String
    public var establishmentAddress: String
    public var residenceCardNumber: ResidenceCardNumber
    public var nameLatin: String
    public var birthDate: LocalDate
    public var sex: Sex
    public var nationality: Nationality
    public var statusOfResidence: StatusOfResidence
    public var stayExpiryDate: LocalDate?
    public var otherActivityPermission: Bool
    public var eventDate: LocalDate
    public var employmentInsurance: Bool
    public var weeklyHours: Double
    public var dispatched: Bool
    public var occupation: String?
    public var link: Link
    public var residentID: Int64?
    /// The contract term's last day and renewal clause, when the file carried them.
    public var contractEnd: LocalDate?
    public var contractRenewable: Bool?

    public init(id: Int64? = nil, fileID: Int64, line: Int, reportType: String, reportDate: LocalDate, employerID: String,
                establishmentName: String, establishmentAddress: String, residenceCardNumber: ResidenceCardNumber,
                nameLatin: String, birthDate: LocalDate, sex: Sex, nationality: Nationality,
                statusOfResidence: StatusOfResidence, stayExpiryDate: LocalDate?, otherActivityPermission: Bool,
                eventDate: LocalDate, employmentInsurance: Bool, weeklyHours: Double, dispatched: Bool,
                occupation: String?, link: Link, residentID: Int64?, contractEnd: LocalDate? = nil,
                contractRenewable: Bool? = nil) {
        self.id = id
        self.fileID = fileID
        self.line = line
        self.reportType = reportType
        self.reportDate = reportDate
        self.employerID = employerID
        self.establishmentName = establishmentName
        self.establishmentAddress = establishmentAddress
        self.residenceCardNumber = residenceCardNumber
        self.nameLatin = nameLatin
        self.birthDate = birthDate
        self.sex = sex
        self.nationality = nationality
        self.statusOfResidence = statusOfResidence
        self.stayExpiryDate = stayExpiryDate
        self.otherActivityPermission = otherActivityPermission
        self.eventDate = eventDate
        self.employmentInsurance = employmentInsurance
        self.weeklyHours = weeklyHours
        self.dispatched = dispatched
        self.occupation = occupation
        self.link = link
        self.residentID = residentID
        self.contractEnd = contractEnd
        self.contractRenewable = contractRenewable
    }

    /// The report type of a hire (the other is a separation).
    public static let hireReport = "HIRE"

    public var isHire: Bool { reportType == Self.hireReport }

    enum CodingKeys: String, CodingKey {
        case contractEnd = "contract_end"
        case contractRenewable = "contract_renewable"
        case id, line, sex, nationality, dispatched, occupation, link
        case fileID = "file_id"
        case reportType = "report_type"
        case reportDate = "report_date"
        case employerID = "employer_id"
        case establishmentName = "establishment_name"
        case establishmentAddress = "establishment_address"
        case residenceCardNumber = "residence_card_number"
        case nameLatin = "name_latin"
        case birthDate = "birth_date"
        case statusOfResidence = "status_of_residence"
        case stayExpiryDate = "stay_expiry_date"
        case otherActivityPermission = "other_activity_permission"
        case eventDate = "event_date"
        case employmentInsurance = "employment_insurance"
        case weeklyHours = "weekly_hours"
        case residentID = "resident_id"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let employerID = Column(CodingKeys.employerID)
        public static let eventDate = Column(CodingKeys.eventDate)
        public static let link = Column(CodingKeys.link)
        public static let residentID = Column(CodingKeys.residentID)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Staff linked notification `id` to `resident` at the review desk: the notification and
    /// the episodes it opened or closed point at them.
    public static func link(_ id: String, to resident: Int64, in db: Database) throws {
        try filter(key: id).updateAll(db, Columns.link.set(to: Link.linked.rawValue), Columns.residentID.set(to: resident))
        typealias E = EmploymentEpisodeRecord.Columns
        try EmploymentEpisodeRecord.filter(E.hireNotificationID == id || E.separationNotificationID == id)
            .updateAll(db, E.residentID.set(to: resident))
    }

    /// Staff refused every candidate for notification `id`: it stays unlinked.
    public static func leaveUnlinked(_ id: String, in db: Database) throws {
        try filter(key: id).updateAll(db, Columns.link.set(to: Link.unlinked.rawValue))
    }
}

extension EmploymentNotificationRecord {
    /// Whether any file already brought this notification: employer, card, type and event date
    /// identify it. A cached statement: every row of a file asks.
    public static func isRecorded(employer: String, card: ResidenceCardNumber, reportType: String, eventDate: LocalDate,
                                  in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM employment_notification
                           WHERE employer_id = ? AND residence_card_number = ? AND report_type = ? AND event_date = ?)
            """), arguments: [employer, card.rawValue, reportType, eventDate.description]) ?? false
    }
}

extension DerivableRequest<EmploymentNotificationRecord> {
    public func filter(resident id: Int64) -> Self { filter(EmploymentNotificationRecord.Columns.residentID == id) }
    public func filter(employer id: String) -> Self { filter(EmploymentNotificationRecord.Columns.employerID == id) }
    /// In the order the events happened, then as filed.
    public func inEventOrder() -> Self { order(EmploymentNotificationRecord.Columns.eventDate, EmploymentNotificationRecord.Columns.id) }
}

extension EmploymentNotificationRecord {
    /// What the employment figures count of one notification: its type and flags, the worker's
    /// nationality and status, how many workers its employer reported, and whether it came late.
    public struct Figure: Decodable, FetchableRecord, Sendable {
        public var reportType: String
        public var employmentInsurance: Bool
        public var dispatched: Bool
        public var nationality: String
        public var statusOfResidence: String
        /// Workers (distinct cards) the employer's notifications name, over every file.
        public var workers: Int
        public var late: Bool

        enum CodingKeys: String, CodingKey {
            case dispatched, nationality, workers, late
            case reportType = "report_type"
            case employmentInsurance = "employment_insurance"
            case statusOfResidence = "status_of_residence"
        }
    }

    /// The notifications whose event falls from `first` to `last`, both included, as the figures count them.
    public static func figures(from first: LocalDate, to last: LocalDate, in db: Database) throws -> RecordCursor<Figure> {
        try Figure.fetchCursor(db, sql: """
            WITH sizes AS (
                SELECT employer_id, COUNT(DISTINCT residence_card_number) AS workers FROM employment_notification GROUP BY employer_id)
            SELECT n.report_type, n.employment_insurance, n.dispatched, n.nationality, n.status_of_residence, s.workers,
                   EXISTS (SELECT 1 FROM employment_finding f WHERE f.notification_id = n.id AND f.kind = ?) AS late
            FROM employment_notification n JOIN sizes s ON s.employer_id = n.employer_id
            WHERE n.event_date BETWEEN ? AND ?
            """, arguments: [EmploymentFindingKind.lateReport, first, last])
    }
}
