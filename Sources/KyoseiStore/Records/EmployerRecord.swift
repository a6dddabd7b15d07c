import GRDB
import KyoseiDomain

/// An employer that filed at least one notification, known by its corporate number or `L` and
/// its labour-insurance number; the outreach list is built per employer.
public struct EmployerRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "employer"

    public enum Kind: String, Codable, Sendable {
        case corporate = "CORPORATE", labourInsurance = "LABOUR_INSURANCE"
    }

    public var employerID: String
    public var kind: Kind
    /// The establishment name it first filed under: the files carry no employer name.
    public var name: String
    public var firstFileID: Int64
    /// Its insured headcount (EPI insured across the enterprise) as staff recorded it; nil
    /// while not known. Decides whether its short-time employees are in the employer insurances.
    public var insuredHeadcount: Int?

    public init(employerID: String, kind: Kind, name: String, firstFileID: Int64, insuredHeadcount: Int? = nil) {
        self.employerID = employerID
        self.kind = kind
        self.name = name
        self.firstFileID = firstFileID
        self.insuredHeadcount = insuredHeadcount
    }

    enum CodingKeys: String, CodingKey {
        case kind, name
        case employerID = "employer_id"
        case firstFileID = "first_file_id"
        case insuredHeadcount = "insured_headcount"
    }

    /// The employer's name, if any file brought it.
    public static func name(of employerID: String, in db: Database) throws -> String? {
        try filter(key: employerID).select(Column(CodingKeys.name), as: String.self).fetchOne(db)
    }
}

extension EmployerRecord {
    /// What an employer's notifications add up to, workers counted by residence card once each.
    public struct Tally: Decodable, FetchableRecord, Sendable {
        public var employerID: String
        public var kind: String
        public var name: String
        public var notifications: Int
        public var workers: Int
        public var hired: Int
        public var dispatched: Int
        public var uninsured: Int
        public var eiMissing: Int
        public var late: Int

        enum CodingKeys: String, CodingKey {
            case kind, name, notifications, workers, hired, dispatched, uninsured, late
            case employerID = "employer_id"
            case eiMissing = "ei_missing"
        }
    }

    /// Every employer's tally (only `employerID`'s when given), by employer id.
    public static func tallies(employerID: String? = nil, in db: Database) throws -> [Tally] {
        try Tally.fetchAll(db, sql: """
            WITH marked AS (
                SELECT n.*,
                       EXISTS (SELECT 1 FROM employment_finding f WHERE f.notification_id = n.id AND f.kind = ?2) AS late,
                       EXISTS (SELECT 1 FROM employment_finding f WHERE f.notification_id = n.id AND f.kind = ?3) AS ei_missing
                FROM employment_notification n WHERE ?1 IS NULL OR n.employer_id = ?1)
            SELECT e.employer_id, e.kind, e.name, COUNT(*) AS notifications,
                   COUNT(DISTINCT m.residence_card_number) AS workers,
                   COUNT(DISTINCT CASE WHEN m.report_type = ?4 THEN m.residence_card_number END) AS hired,
                   COUNT(DISTINCT CASE WHEN m.dispatched = 1 THEN m.residence_card_number END) AS dispatched,
                   COUNT(DISTINCT CASE WHEN m.report_type = ?4 AND m.employment_insurance = 0 THEN m.residence_card_number END) AS uninsured,
                   COUNT(DISTINCT CASE WHEN m.ei_missing THEN m.residence_card_number END) AS ei_missing,
                   SUM(m.late) AS late
            FROM employer e JOIN marked m ON m.employer_id = e.employer_id
            GROUP BY e.employer_id ORDER BY e.employer_id
            """, arguments: [employerID, EmploymentFindingKind.lateReport, EmploymentFindingKind.eiMissing,
                             EmploymentNotificationRecord.hireReport])
    }
}
