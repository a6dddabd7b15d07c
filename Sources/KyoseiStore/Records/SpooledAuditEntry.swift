import GRDB

/// An audit entry waiting in the audit spool: everything the chain will record of it except
/// its place in the chain, which it gets when it is folded in.
public struct SpooledAuditEntry: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "audit_spool"

    public var id: Int64?
    public var at: String
    public var staffLogin: String
    public var action: String
    public var entity: String
    /// The residents touched, as comma-separated ids; the chain's entry names or digests them.
    public var residentIDs: String
    public var detail: String

    public init(at: String, staffLogin: String, action: String, entity: String, residentIDs: [Int64], detail: String) {
        self.at = at
        self.staffLogin = staffLogin
        self.action = action
        self.entity = entity
        self.residentIDs = residentIDs.map(String.init).joined(separator: ",")
        self.detail = detail
    }

    public var residents: [Int64] {
        residentIDs.split(separator: ",").compactMap { Int64($0) }
    }

    enum CodingKeys: String, CodingKey {
        case id, at, action, entity, detail
        case staffLogin = "staff_login"
        case residentIDs = "resident_ids"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
