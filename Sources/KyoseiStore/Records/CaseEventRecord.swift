import GRDB

/// One change to a case, for its history.
public struct CaseEventRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "case_event"

    public enum Kind: String, Codable, Sendable {
        case opened = "OPENED", state = "STATE", assigned = "ASSIGNED", priority = "PRIORITY", due = "DUE", note = "NOTE"
        case causeGone = "CAUSE_GONE", causeBack = "CAUSE_BACK"
    }

    public var id: Int64?
    public var caseID: Int64
    public var at: String
    public var by: String
    public var kind: Kind
    public var fromValue: String?
    public var toValue: String?
    public var note: String?

    public init(id: Int64? = nil, caseID: Int64, at: String, by: String, kind: Kind, fromValue: String? = nil,
                toValue: String? = nil, note: String? = nil) {
        self.id = id
        self.caseID = caseID
        self.at = at
        self.by = by
        self.kind = kind
        self.fromValue = fromValue
        self.toValue = toValue
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case id, at, by, kind, note
        case caseID = "case_id"
        case fromValue = "from_value"
        case toValue = "to_value"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
