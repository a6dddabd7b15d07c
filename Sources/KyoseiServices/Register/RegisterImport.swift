import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// The national register export (`REG-<municipality>-<sequence>.csv` with its manifest): known by
/// its sequence, which must follow the last one applied (a delta needs a baseline and no gap), and
/// applied by the `RegisterReconciler`. A snapshot is the whole register: residents it does not
/// list have left it.
struct RegisterImport: ImportKind {
    static let recordKind = IntakeFileRecord.Kind.register
    let action = "sync.register"
    let entity = "register_file"
    private var manifest: RegisterManifest?

    var emptyDetails: ImportDetails { .register(RegisterCounts(sequence: manifest?.sequence, kind: manifest?.kind.rawValue)) }
    var facts: ImportFacts {
        ImportFacts(sequence: manifest?.sequence, exportKind: manifest?.kind.rawValue, asOf: manifest?.asOf)
    }

    mutating func open(path: String, name: String, context: ServiceContext) throws -> IntakeReader<RegisterKind> {
        guard case .register = try IntakeFileName(path) else {
            throw IntakeError(file: name, reason: "is not a register export (REG-<municipality>-<sequence>.csv)")
        }
        let manifest = try RegisterManifest.load(forCSV: path)
        self.manifest = manifest
        let city = context.settings.municipalityCode
        guard manifest.municipalityCode == city else {
            throw ImportRefusal(reason: "the manifest is for municipality \(manifest.municipalityCode), this database is \(city)")
        }
        return try IntakeReader(path: path, kind: RegisterKind(manifest: manifest))
    }

    /// An export is known by its sequence; the same sequence with other bytes is not a repeat
    /// but a different export, and is refused.
    func alreadyApplied(sha256: String, in db: Database) throws -> String? {
        guard let manifest, let done = try IntakeFileRecord.all().filter(kind: .register).filter(sequence: manifest.sequence).fetchOne(db) else {
            return nil
        }
        guard done.sha256 == manifest.sha256 else {
            throw ImportRefusal(reason: "sequence \(manifest.sequence) was already applied from a file with a different hash (\(done.sha256.prefix(12))…, applied \(done.appliedAt)); this file (\(manifest.sha256.prefix(12))…) is not the export that was applied")
        }
        return "sequence \(manifest.sequence) was already applied on \(done.appliedAt); nothing changed"
    }

    func check(in db: Database) throws {
        guard let manifest else { return }
        let last = try IntakeFileRecord.all().filter(kind: .register).latestSequenceFirst().fetchOne(db)?.sequence
        switch (manifest.kind, last) {
        case (.delta, nil):
            throw ImportRefusal(reason: "no snapshot has been applied yet; a delta needs a baseline")
        case (.delta, let last?) where manifest.sequence > last + 1:
            throw ImportRefusal(reason: "sequence \(last + 1) is missing: the last applied export is \(last), this delta is \(manifest.sequence)")
        case (_, let last?) where manifest.sequence <= last:
            throw ImportRefusal(reason: "sequence \(manifest.sequence) is older than the last applied export (\(last))")
        default:
            break
        }
    }

    func begin(file: IntakeFileRecord, name: String, staff: StaffMember, context: ServiceContext, in db: Database) throws -> RegisterRun {
        let manifest = manifest!
        // The first snapshot into an empty city: build the indexes once at the end.
        let empty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM resident)") ?? false
        let suspended = manifest.kind == .snapshot && empty ? try SuspendedIndexes.suspend(on: ["resident", "history"], in: db) : nil
        let reconciler = try RegisterReconciler(
            db: db, login: staff.login, timestamp: context.clock.timestamp(), fileName: name, sequence: manifest.sequence,
            counts: RegisterCounts(sequence: manifest.sequence, kind: manifest.kind.rawValue))
        return RegisterRun(reconciler: reconciler, snapshot: manifest.kind == .snapshot, suspended: suspended, name: name)
    }

    static func inboxOrder(_ name: IntakeFileName) -> String? {
        // Sequences sort as numbers: zero-padded to the widest an Int can print.
        if case .register(_, let sequence) = name { String(format: "%020d", sequence) } else { nil }
    }

    static func companions(of path: String) -> [String] { [RegisterManifest.path(forCSV: path)] }
}

struct RegisterRun: ImportRun {
    let reconciler: RegisterReconciler
    let snapshot: Bool
    let suspended: SuspendedIndexes?
    let name: String

    func apply(_ row: RegisterRow, line: Int, recordText: String, in db: Database) throws -> Reject? {
        do {
            try reconciler.apply(row, line: line)
            return nil
        } catch let duplicate as DuplicateSnapshotRow {
            return Reject(file: name, line: line, columns: ["person_id"],
                          reasons: ["person_id \(duplicate.personID): is listed more than once in this snapshot"], recordText: recordText)
        }
    }

    /// A snapshot's rejected row still names a person who is in the register: they must not be
    /// marked as having left it because their row had a bad value.
    func setAside(_ reject: Reject, header: [String], in db: Database) throws {
        if snapshot, let personID = RejectedRecord.personID(of: reject, header: header) {
            try reconciler.protectListed(personID: personID)
        }
    }

    func finish(in db: Database) throws -> ImportTally {
        try reconciler.finish(snapshot: snapshot)
        try suspended?.restore(in: db)
        let counts = reconciler.counts
        return ImportTally(applied: reconciler.applied, details: .register(counts), touched: reconciler.touched,
                           auditDetail: "seq=\(counts.sequence ?? 0) kind=\(counts.kind ?? "")")
    }
}
