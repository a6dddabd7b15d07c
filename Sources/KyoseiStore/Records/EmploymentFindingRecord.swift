import GRDB
import KyoseiDomain

/// Something a notification shows, with its reason; each raises an `EMPLOYMENT_REPORT_ISSUE` case.
public struct EmploymentFindingRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "employment_finding"

    public var id: Int64?
    public var notificationID: Int64
    public var kind: EmploymentFindingKind
    public var reason: String

    public init(id: Int64? = nil, notificationID: Int64, kind: EmploymentFindingKind, reason: String) {
        self.id = id
        self.notificationID = notificationID
        self.kind = kind
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, reason
        case notificationID = "notification_id"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let notificationID = Column(CodingKeys.notificationID)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The findings on the notifications `notifications` selects, in the order they were made.
    public static func on(_ notifications: QueryInterfaceRequest<EmploymentNotificationRecord>) -> QueryInterfaceRequest<Self> {
        filter(notifications.select(EmploymentNotificationRecord.Columns.id).contains(Columns.notificationID)).order(Columns.id)
    }

    /// A finding with the notification it is on.
    public struct Listing: FetchableRecord, Sendable {
        public var kind: EmploymentFindingKind
        public var reason: String
        public var notification: EmploymentNotificationRecord

        public init(row: Row) throws {
            guard let kind = row["kind"] as EmploymentFindingKind? else {
                throw DatabaseError(message: "finding on notification \(row["id"] as Int64? ?? 0) has an unknown kind")
            }
            self.kind = kind
            reason = row["reason"]
            notification = try EmploymentNotificationRecord(row: row)
        }
    }

    /// A finding on a notification linked to a resident, with what its case is told.
    public struct Issue: Decodable, FetchableRecord, Sendable {
        public var kind: EmploymentFindingKind
        public var reason: String
        public var notificationID: Int64
        public var residentID: Int64
        public var employerID: String
        public var reportType: String
        /// As stored: the case's cause quotes it.
        public var eventDate: String
        public var establishmentName: String
        public var districtCode: String?

        enum CodingKeys: String, CodingKey {
            case kind, reason
            case notificationID = "notification_id"
            case residentID = "resident_id"
            case employerID = "employer_id"
            case reportType = "report_type"
            case eventDate = "event_date"
            case establishmentName = "establishment_name"
            case districtCode = "district_code"
        }
    }

    /// Every finding on a notification linked to a resident, in the order they were made.
    public static func issues(in db: Database) throws -> RecordCursor<Issue> {
        try Issue.fetchCursor(db, sql: """
            SELECT f.kind, f.reason, n.id AS notification_id, n.resident_id, n.employer_id, n.report_type, n.event_date,
                   n.establishment_name, r.district_code
            FROM employment_finding f
            JOIN employment_notification n ON n.id = f.notification_id
            JOIN resident r ON r.id = n.resident_id
            ORDER BY f.id
            """)
    }

    /// Findings of `kind` (every kind without it) on notifications whose event is on or after
    /// `since` (every one without it), by event, notification and kind.
    public static func listings(kind: EmploymentFindingKind?, since: LocalDate?, in db: Database) throws -> [Listing] {
        var sql = """
            SELECT f.kind, f.reason, n.* FROM employment_finding f JOIN employment_notification n ON n.id = f.notification_id
            WHERE 1
            """
        var arguments: StatementArguments = []
        if let kind {
            sql += " AND f.kind = ?"
            arguments += [kind]
        }
        if let since {
            sql += " AND n.event_date >= ?"
            arguments += [since]
        }
        return try Listing.fetchAll(db, sql: sql + " ORDER BY n.event_date, n.id, f.kind", arguments: arguments)
    }
}
