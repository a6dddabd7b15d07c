import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore
import Logging

/// What every service shares: the database, the settings, the clock and the logger. Its
/// `perform` is the one door to the data: it checks the member of staff and the permission,
/// runs the work in one transaction, and appends the audit entry in that same transaction.
/// `performRead` is the door for calls that only read: the work runs in a read transaction,
/// which never waits for a writer, and its audit entry is recorded before the data is returned.
public struct ServiceContext: Sendable {
    public let database: AppDatabase
    public let settings: Settings
    public let clock: KyoseiClock
    public let logger: Logger

    public init(database: AppDatabase, settings: Settings, clock: KyoseiClock, logger: Logger) {
        self.database = database
        self.settings = settings
        self.clock = clock
        self.logger = logger
    }

    /// Looks up the OS login as staff; a login that is not staff or is disabled is refused.
    public func staffMember(login: String) throws -> StaffMember {
        let record = try database.writer.read { db in try StaffRecord.fetchOne(db, key: login) }
        guard let record else {
            throw ServiceError.refused("\(login) is not a member of staff in this Kyosei database; ask an administrator to run `kyosei staff add \(login) --role ROLE`.")
        }
        guard record.active else {
            throw ServiceError.refused("\(login) has been disabled as staff; ask an administrator.")
        }
        return StaffMember(login: record.login, role: record.role, isFounder: record.isFounder, team: record.team)
    }

    /// Runs `work` for `staff` if their role allows `permission`; the work fills in the audit
    /// draft (which residents it touched) and the entry is written before the commit. With
    /// `rollback` (a dry run) the work is undone and only the audit entry is kept.
    @discardableResult
    public func perform<T>(
        _ permission: Permission, by staff: StaffMember, action: AuditAction, entity: EntityKind, rollback: Bool = false,
        _ work: (Database, inout AuditDraft) throws -> T
    ) throws -> T {
        try authorize(permission, by: staff, action: action, entity: entity)
        let timestamp = clock.timestamp()
        do {
            guard rollback else {
                return try database.writer.write { db in
                    var draft = AuditDraft(action, entity)
                    let result = try work(db, &draft)
                    try AuditWriter.append(draft, by: staff.login, at: timestamp, in: db, folding: database.auditSpool)
                    return result
                }
            }
            return try database.writer.writeWithoutTransaction { db in
                var draft = AuditDraft(action, entity)
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try work(db, &draft)
                    return .rollback
                }
                draft.residentIDs = []
                try db.inTransaction(.immediate) {
                    try AuditWriter.append(draft, by: staff.login, at: timestamp, in: db, folding: database.auditSpool)
                    return .commit
                }
                return result!
            }
        } catch let error as ValidationError {
            throw ServiceError.invalid(error)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw ServiceError.internalFailure("The database is busy (another Kyosei job holds it); try again in a moment.")
        }
    }

    /// Runs `work`, which only reads, for `staff` if their role allows `permission`, in a read
    /// transaction (a write attempted in it fails): in WAL it sees the last commit and never
    /// waits, even while a sync holds the write lock for minutes. The audit entry is then
    /// recorded, in the chain or, if the write lock is taken, in the audit spool, before the
    /// result is returned.
    ///
    /// `rows` counts the people a listing names: more than `bulkRows` of them is a bulk export
    /// of personal records, refused (and audited) unless the caller's role may export them.
    @discardableResult
    public func performRead<T>(
        _ permission: Permission, by staff: StaffMember, action: AuditAction, entity: EntityKind, rows: ((T) -> Int)? = nil,
        _ work: (Database, inout AuditDraft) throws -> T
    ) throws -> T {
        try authorize(permission, by: staff, action: action, entity: entity)
        let timestamp = clock.timestamp()
        do {
            let (result, draft) = try database.writer.read { db in
                var draft = AuditDraft(action, entity)
                let result = try work(db, &draft)
                return (result, draft)
            }
            if let rows, case let count = rows(result), count > Self.bulkRows, !staff.may(.personalExport) {
                try AuditRecorder(database: database).record(
                    AuditDraft.refused(action, entity,
                               detail: "rows=\(count) over \(Self.bulkRows): role \(staff.role.rawValue) lacks \(Permission.personalExport.rawValue)"),
                    by: staff.login, at: timestamp)
                throw ServiceError.refused("That list names \(count) people: more than \(Self.bulkRows) at once is a bulk export of personal records, which role \(staff.role.rawValue) may not do; narrow it (a filter, a smaller --limit) or ask a supervisor.")
            }
            try AuditRecorder(database: database).record(draft, by: staff.login, at: timestamp)
            return result
        } catch let error as ValidationError {
            throw ServiceError.invalid(error)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw ServiceError.internalFailure("The database is busy (another Kyosei job holds it); try again in a moment.")
        }
    }

    /// The most people one listing may name for a role without `export.personal`: a working
    /// page (a queue, a district's children), not the register.
    public static let bulkRows = 200

    /// Folds the audit spool into the chain when the write lock is free, so that reading the
    /// audit log shows every read recorded so far.
    func foldAuditSpool() throws {
        try AuditRecorder(database: database).foldIfFree()
    }

    /// Refusals are audited too, as reads are, since the refused call writes nothing.
    private func authorize(_ permission: Permission, by staff: StaffMember, action: AuditAction, entity: EntityKind) throws {
        guard !staff.may(permission) else { return }
        try AuditRecorder(database: database).record(
            AuditDraft.refused(action, entity, detail: "role \(staff.role.rawValue) lacks \(permission.rawValue)"),
            by: staff.login, at: clock.timestamp())
        throw ServiceError.refused("\(staff.login) (role \(staff.role.rawValue)) may not \(permission.rawValue.replacingOccurrences(of: ".", with: " ")); ask a supervisor or an administrator.")
    }
}
