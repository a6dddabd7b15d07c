import KyoseiDomain
import Foundation
import GRDB
import KyoseiIntake
import KyoseiStore

/// What one kind of partner file brings to the one driver (`FileImport`): how its name is read
/// and its reader opened, what makes it a repeat or out of order, and how its rows are applied.
/// The driver owns everything else: the lock, the transaction, the `intake_file` row, the rejects,
/// refusals, the outcome, the audit entry and the log.
protocol ImportKind {
    associatedtype File: FileKind
    associatedtype Run: ImportRun where Run.Row == File.Row

    static var recordKind: IntakeFileRecord.Kind { get }
    /// The audit action of an applied file; a refusal is audited as `<action>.refused`, a dry
    /// run as `<action>.dry-run`.
    var action: AuditAction { get }
    var entity: EntityKind { get }
    var permission: Permission { get }
    /// The details of a file before any row is applied (and of a refused one): what its name or
    /// manifest told, once `open` has read them.
    var emptyDetails: ImportDetails { get }
    /// What the `intake_file` row says of the file besides its bytes, known once it is open.
    var facts: ImportFacts { get }

    /// Reads the name (and a manifest) and opens the reader, which checks the file whole.
    /// Runs before the write lock is taken; throws `IntakeError` or `ImportRefusal` to refuse.
    mutating func open(path: String, name: String, context: ServiceContext) throws -> IntakeReader<File>
    /// Why this file is a repeat of one already applied (nothing then changes), or nil.
    func alreadyApplied(sha256: String, in db: Database) throws -> String?
    /// Refuses (`ImportRefusal`) a file that must not be applied now, e.g. out of order.
    func check(in db: Database) throws
    /// Starts applying the file whose `intake_file` row is `file`, inside the transaction.
    func begin(file: IntakeFileRecord, name: String, staff: StaffMember, context: ServiceContext, in db: Database) throws -> Run

    /// The inbox order of a file of this kind (nil for a name of another kind, which the runner
    /// hands over last, to be refused with its reason rather than left unseen).
    static func inboxOrder(_ name: IntakeFileName) -> String?
    /// Files that travel with this one into the archive (a register export's manifest).
    static func companions(of path: String) -> [String]
}

extension ImportKind {
    var permission: Permission { .fileImport }
    var facts: ImportFacts { ImportFacts() }

    func alreadyApplied(sha256: String, in db: Database) throws -> String? {
        try IntakeFileRecord.all().filter(kind: Self.recordKind).filter(sha256: sha256).fetchOne(db).map {
            "\($0.fileName) with the same contents was applied on \($0.appliedAt); nothing changed"
        }
    }

    func check(in db: Database) throws {}
    static func companions(of path: String) -> [String] { [] }
}

/// One file being applied: rows in file order, then the end of the file.
protocol ImportRun {
    associatedtype Row
    /// Applies (or holds for `finish`) one valid row; returns a reject for a row only the
    /// database shows to be wrong, which the driver keeps like the reader's own.
    mutating func apply(_ row: Row, line: Int, recordText: RecordText, in db: Database) throws -> Reject?
    /// Sees every reject of the file, the reader's and its own, as it is kept.
    mutating func setAside(_ reject: Reject, header: [String], in db: Database) throws
    /// What the end of the file means for this kind (a snapshot's missing residents, a roster's
    /// ended enrollments), and the tally; called once, after the last row.
    mutating func finish(in db: Database) throws -> ImportTally
    /// After the transaction: kept tells whether it committed.
    func close(kept: Bool) throws
}

extension ImportRun {
    mutating func setAside(_ reject: Reject, header: [String], in db: Database) throws {}
    func close(kept: Bool) throws {}
}

/// What the `intake_file` row records of a file beyond its name, bytes and counts.
struct ImportFacts {
    var sequence: Int?
    var exportKind: String?
    var asOf: String?
    var courseID: Int64?
}

/// What a run reports at the end of its file.
struct ImportTally {
    var applied: Int
    var details: ImportDetails
    /// Residents the file named, for the audit entry.
    var touched: [Int64]
    /// The kind's own part of the audit entry's detail, after `file= rows= applied= rejected=`.
    var auditDetail: String
    /// How much of what the file covers it would end, for the plausibility guard.
    var change: LargeChange? = nil
}

/// A share of something a file would end: enrollments a roster no longer lists, residents a
/// snapshot omits. Above the configured percentage the file is held, not applied.
struct LargeChange: Equatable {
    var ended: Int
    var of: Int
    var limitPercent: Int
    /// "enrollments of NHI CITY", "residents in the register".
    var what: String

    var exceedsLimit: Bool { of > 0 && ended * 100 > limitPercent * of }

    var description: String {
        let percent = of > 0 ? Double(ended) * 100 / Double(of) : 0
        return "it would end \(ended) of \(of) \(what) (\(String(format: "%.1f", percent))%, more than the \(limitPercent)% allowed)"
    }
}

/// Thrown inside the transaction when a file's change is too large: it rolls back and the file
/// is reported as held.
struct ImportHeld: Error {
    let change: LargeChange
}

/// Refuses the whole file with a reason; thrown before or inside the transaction, it changes
/// nothing but the audit log.
struct ImportRefusal: Error {
    let reason: String
}
