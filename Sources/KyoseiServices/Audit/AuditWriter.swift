import Crypto
import Foundation
import GRDB
import KyoseiStore

/// The one writer of the audit log. It appends inside the caller's transaction, so an entry
/// exists exactly when the change or read it records happened.
enum AuditWriter {
    /// The hash that starts the chain.
    static let genesis = String(repeating: "0", count: 64)

    /// Appends `entry` after the entries waiting in `spool`, which every write folds in first so
    /// that the chain keeps the order in which things happened as nearly as it can. Without a
    /// spool (a restore's stage, or its failure when the spool may be what failed) the spool's
    /// entries wait for the next write.
    @discardableResult
    static func append(_ entry: AuditDraft, by login: String, at timestamp: String, in db: Database,
                       folding spool: AuditSpool?) throws -> AuditEntryRecord {
        if let spool { try fold(spool, in: db) }
        return try chain(entry, by: login, at: timestamp, spoolID: nil, in: db)
    }

    /// Moves the spool's entries into the chain, in spool order and with the time each read
    /// happened. They leave the spool only after this transaction commits: a crash in between
    /// leaves them in both, and the next fold skips any whose spool id the chain already holds
    /// (as it does for a fold another process is finishing at the same moment).
    static func fold(_ spool: AuditSpool, in db: Database) throws {
        let pending = try spool.pending()
        guard let last = pending.last?.id else { return }
        for entry in pending {
            guard try !AuditEntryRecord.holds(spoolID: entry.id, in: db) else { continue }
            try chain(AuditDraft(text: entry.action, entity: entry.entity, residentIDs: entry.residents, detail: entry.detail),
                      by: entry.staffLogin, at: entry.at, spoolID: entry.id, in: db)
        }
        // A clean-up that fails leaves entries the next fold recognises and skips.
        db.afterNextTransaction(onCommit: { _ in try? spool.remove(through: last) })
    }

    @discardableResult
    private static func chain(_ entry: AuditDraft, by login: String, at timestamp: String, spoolID: Int64?,
                              in db: Database) throws -> AuditEntryRecord {
        let last = try AuditEntryRecord.chainEnd(in: db)
        let previousSeq = last?.seq ?? 0
        let previousHash = last?.hash ?? genesis
        let subjects = Array(Set(entry.residentIDs)).sorted()
        var record = AuditEntryRecord(
            seq: previousSeq + 1, at: timestamp, staffLogin: login, action: entry.action, entity: entry.entity,
            recordIDs: recordIDsText(sortedSubjects: subjects),
            detail: entry.detail, previousHash: previousHash, hash: "", spoolID: spoolID)
        record.hash = hash(previous: previousHash, canonical: record.canonicalText)
        try record.insert(db)
        // In order of the table's key: a first snapshot's million subjects, taken in a set's
        // order, were random inserts into a B-tree larger than the page cache.
        try AuditSubjectRecord.insert(seq: record.seq, residentIDs: subjects, in: db)
        return record
    }

    /// Up to `listedLimit` residents are named in the entry itself; a larger set (a register
    /// snapshot touches a million) is named by count and a digest of the sorted ids, and the ids
    /// themselves are in `audit_subject`, which `audit verify` checks against the digest.
    static let listedLimit = 50

    static func recordIDsText(_ ids: [Int64]) -> String {
        recordIDsText(sortedSubjects: Array(Set(ids)).sorted())
    }

    private static func recordIDsText(sortedSubjects unique: [Int64]) -> String {
        guard unique.count > listedLimit else { return unique.map { "K\($0)" }.joined(separator: ",") }
        return "\(unique.count) residents sha256:\(digest(unique))"
    }

    /// SHA-256 of `K<id>,` for each id, fed a buffer at a time: a `Data` per id was a second
    /// of a first snapshot's million.
    static func digest(_ sortedIDs: [Int64]) -> String {
        var hasher = SHA256()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        for id in sortedIDs {
            buffer.append(UInt8(ascii: "K"))
            buffer.append(contentsOf: String(id).utf8)
            buffer.append(UInt8(ascii: ","))
            if buffer.count >= (1 << 16) - 32 {
                hasher.update(data: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        hasher.update(data: buffer)
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func hash(previous: String, canonical: String) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(previous.utf8))
        hasher.update(data: Data(canonical.utf8))
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// What a service call tells the audit log: the action, the kind of record, which residents
/// it touched and a short detail. Built up by the call and written by `ServiceContext.perform`.
public struct AuditDraft: Sendable {
    public var action: String
    public var entity: String
    public var residentIDs: [Int64]
    public var detail: String

    public init(_ action: AuditAction, _ entity: EntityKind, residentIDs: [Int64] = [], detail: String = "") {
        self.init(text: action.rawValue, entity: entity.rawValue, residentIDs: residentIDs, detail: detail)
    }

    /// An entry as the log holds it, for one read back from the spool.
    init(text action: String, entity: String, residentIDs: [Int64] = [], detail: String = "") {
        self.action = action
        self.entity = entity
        self.residentIDs = residentIDs
        self.detail = detail
    }

    /// A call the caller's role does not allow, kept under the action it asked for.
    public static func refused(_ action: AuditAction, _ entity: EntityKind, residentIDs: [Int64] = [], detail: String) -> AuditDraft {
        AuditDraft(text: "refused:" + action.rawValue, entity: entity.rawValue, residentIDs: residentIDs, detail: detail)
    }

    /// Names how the call ended where that is part of what happened (a file refused or held).
    public mutating func qualify(_ outcome: String) {
        action += "." + outcome
    }
}
