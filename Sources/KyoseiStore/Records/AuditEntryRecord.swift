import GRDB
import KyoseiDomain

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

/// What writing and checking the chain reads of it. Cached where a fold asks once per entry.
extension AuditEntryRecord {
    /// Whether the chain holds the spooled entry `spoolID` already.
    public static func holds(spoolID: Int64?, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM audit_log WHERE spool_id = ?)"),
                          arguments: [spoolID]) ?? false
    }

    /// The chain's last entry, its number and hash; nil while the chain is empty.
    public static func chainEnd(in db: Database) throws -> (seq: Int64, hash: String)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"))
            .map { ($0["seq"], $0["hash"]) }
    }

    /// The newest spooled entry the chain holds (0 for none).
    public static func lastSpoolID(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(spool_id), 0) FROM audit_log") ?? 0
    }

    /// The hash of entry `seq`, if the chain holds it.
    public static func hash(at seq: Int64, in db: Database) throws -> String? {
        try select(Column(CodingKeys.hash), as: String.self).filter(key: seq).fetchOne(db)
    }
}

extension AuditEntryRecord {
    /// The newest `limit` entries about `resident`, by `login`, at or after `since` (each when
    /// given), newest first.
    public static func newest(_ limit: Int, resident: Int64?, login: String?, since: LocalDate?, in db: Database) throws -> [AuditEntryRecord] {
        var sql = "SELECT audit_log.* FROM audit_log"
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let resident {
            sql += " JOIN audit_subject ON audit_subject.seq = audit_log.seq"
            conditions.append("audit_subject.resident_id = ?")
            arguments += [resident]
        }
        if let login {
            conditions.append("audit_log.staff_login = ?")
            arguments += [login]
        }
        if let since {
            conditions.append("audit_log.at >= ?")
            arguments += [since]
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return try fetchAll(db, sql: sql + " ORDER BY audit_log.seq DESC LIMIT ?", arguments: arguments + [limit])
    }
}

extension AuditSubjectRecord {
    /// Every entry's residents, by entry then resident, read as rows (`seq`, `resident_id`):
    /// `audit verify` walks them beside the whole chain, and decoding records would cost it.
    public static func inEntryOrder(in db: Database) throws -> RowCursor {
        try Row.fetchCursor(db, sql: "SELECT seq, resident_id FROM audit_subject ORDER BY seq, resident_id")
    }
}
