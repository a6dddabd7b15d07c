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

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
