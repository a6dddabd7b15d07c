import GRDB

/// One entry of the append-only audit log. The hash covers every other column and the
/// previous entry's hash, so an edit, a deletion or an insertion breaks the chain.
public struct AuditEntryRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "audit_log"

    public var seq: Int64
    public var at: String
    public var staffLogin: String
    public var action: String
    public var entity: String
    public var recordIDs: String
    public var detail: String
    public var previousHash: String
    public var hash: String
    /// Set on an entry that waited in the audit spool: its id there.
    public var spoolID: Int64?

    public init(seq: Int64, at: String, staffLogin: String, action: String, entity: String, recordIDs: String,
                detail: String, previousHash: String, hash: String, spoolID: Int64? = nil) {
        self.seq = seq
        self.at = at
        self.staffLogin = staffLogin
        self.action = action
        self.entity = entity
        self.recordIDs = recordIDs
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
        self.spoolID = spoolID
    }

    enum CodingKeys: String, CodingKey {
        case seq, at, action, entity, detail, hash
        case staffLogin = "staff_login"
        case recordIDs = "record_ids"
        case previousHash = "previous_hash"
        case spoolID = "spool_id"
    }

    /// The text the hash is computed over: fields separated by the unit separator, which cannot
    /// occur in any of them unescaped, so two different entries never hash the same text. The
    /// spool id is a field only when there is one, so entries written before it existed verify.
    public var canonicalText: String {
        ([String(seq), at, staffLogin, action, entity, recordIDs, detail] + (spoolID.map { ["spool \($0)"] } ?? []))
            .map { $0.replacingOccurrences(of: "\u{1F}", with: "\u{1F}\u{1F}") }
            .joined(separator: "\u{1F}")
    }
}

/// Links an audit entry to each resident it touched.
public struct AuditSubjectRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    public static let databaseTableName = "audit_subject"
    public var seq: Int64
    public var residentID: Int64

    public init(seq: Int64, residentID: Int64) {
        self.seq = seq
        self.residentID = residentID
    }

    enum CodingKeys: String, CodingKey {
        case seq
        case residentID = "resident_id"
    }
}
