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
    let action = AuditAction.syncRegister
    let entity = EntityKind.registerFile
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
        let empty = try ResidentRecord.all().isEmpty(db)
        let suspended = manifest.kind == .snapshot && empty ? try SuspendedIndexes.suspend(on: ["resident", "history"], in: db) : nil
        let timestamp = context.clock.timestamp()
        let reconciler = try RegisterReconciler(
            db: db, login: staff.login, timestamp: timestamp, fileName: name, sequence: manifest.sequence,
            counts: RegisterCounts(sequence: manifest.sequence, kind: manifest.kind.rawValue))
        let snapshot = manifest.kind == .snapshot
        let sets = try RegisterSets(
            staging: RegisterStaging(
                states: snapshot ? RegisterSets.snapshotRules : RegisterSets.deltaRules, searchText: RegisterSets.searchText,
                textWhileStaging: suspended != nil, helper: RegisterStaging.Helper(pool: context.database.writer), in: db),
            limitPercent: snapshot ? context.settings.maxLeftRegisterPercent : nil,
            provenance: RegisterStaging.Provenance(
                login: staff.login, timestamp: timestamp, sequence: manifest.sequence,
                reference: "\(name) seq \(manifest.sequence)", source: HistoryRecord.Source.registerSync.rawValue))
        return RegisterRun(reconciler: reconciler, sets: sets, suspended: suspended, name: name)
    }

    static func inboxOrder(_ name: IntakeFileName) -> String? {
        // Sequences sort as numbers: zero-padded to the widest an Int can print.
        if case .register(_, let sequence) = name { String(format: "%020d", sequence) } else { nil }
    }

    static func companions(of path: String) -> [String] { [RegisterManifest.path(forCSV: path)] }
}

/// An export's rows go to the staging table and are applied as sets at the end of the file;
/// only a row that may be a walk-in takes the row-by-row path, where Swift decides the link, and
/// so does a delta's second row for one person (an address change, then a move out), after
/// the sets, in file order.
struct RegisterSets {
    let staging: RegisterStaging
    /// A snapshot's plausibility guard on the residents it omits; a delta omits no one.
    let limitPercent: Int?
    let provenance: RegisterStaging.Provenance
    /// Event (`SNAPSHOT` for a snapshot's rows) → rows staged.
    var staged: [String: Int] = [:]
    var again: [(row: RegisterRow, line: Int)] = []

    /// The domain's state rules, as the staging applies them.
    static let snapshotRules = RegisterStaging.StateRules(
        listing: Dictionary(uniqueKeysWithValues: RegisterState.allCases.map { ($0.rawValue, $0.afterSnapshotListing().rawValue) }),
        omission: Dictionary(uniqueKeysWithValues: RegisterState.allCases.filter { $0.afterSnapshotOmission() != $0 }
            .map { ($0.rawValue, $0.afterSnapshotOmission().rawValue) }))
    /// A delta row's state is the one its event leads to, which `RegisterReconciler.record` stages.
    static let deltaRules = RegisterStaging.StateRules(listing: nil, omission: [:])
    /// The search columns of a new or renamed resident, as a staff edit writes them.
    static let searchText: RegisterStaging.SearchText = {
        var record = $0
        ResidentSearchText.refresh(&record)
        return (record.searchLatin, record.searchJapanese)
    }
}

struct RegisterRun: ImportRun {
    let reconciler: RegisterReconciler
    var sets: RegisterSets
    let suspended: SuspendedIndexes?
    let name: String

    private var isSnapshot: Bool { sets.limitPercent != nil }

    mutating func apply(_ row: RegisterRow, line: Int, recordText: RecordText, in db: Database) throws -> Reject? {
        let held = reconciler.mayBeWalkIn(row)
        guard try sets.staging.add(RegisterReconciler.record(from: row), reason: row.event?.rawValue ?? "snapshot", line: line, held: held)
        else {
            guard isSnapshot else {
                sets.again.append((row, line))
                return nil
            }
            return Reject(file: name, line: line, columns: ["person_id"],
                          reasons: ["person_id \(row.personID): is listed more than once in this snapshot"], recordText: recordText.description)
        }
        if held { try reconciler.apply(row, line: line) } else { sets.staged[row.event?.rawValue ?? "SNAPSHOT", default: 0] += 1 }
        return nil
    }

    /// A snapshot's rejected row still names a person who is in the register: they must not be
    /// marked as having left it because their row had a bad value.
    func setAside(_ reject: Reject, header: [String], in db: Database) throws {
        if isSnapshot, let personID = RejectedRecord.personID(of: reject, header: header) {
            try sets.staging.protect(personID: personID.rawValue)
        }
    }

    /// The staged rows as sets, which for a snapshot also take off the register whom it no
    /// longer lists. A snapshot's possible walk-ins are settled first (a link decided in Swift);
    /// a delta's, after its sets and its people's later rows, as the rows came. The search
    /// index last, in one go.
    func finish(in db: Database) throws -> ImportTally {
        if isSnapshot { try reconciler.settleDeferred() }
        let result = try sets.staging.apply(provenance: sets.provenance, index: reconciler.index)
        for item in sets.again { try reconciler.apply(item.row, line: item.line) }
        try reconciler.finish()
        try suspended?.restore(in: db)
        var counts = reconciler.counts
        counts.events.merge(sets.staged, uniquingKeysWith: +)
        counts.created += result.created
        counts.changed += result.changed
        counts.unchanged += result.unchanged
        counts.leftRegister += result.omitted
        counts.states.merge(result.states, uniquingKeysWith: +)
        return ImportTally(
            applied: reconciler.applied + sets.staged.values.reduce(0, +), details: .register(counts),
            touched: reconciler.touched + result.touched, auditDetail: "seq=\(counts.sequence ?? 0) kind=\(counts.kind ?? "")",
            change: sets.limitPercent.map {
                LargeChange(ended: result.omitted, of: result.inRegisterBefore, limitPercent: $0, what: "residents in the register")
            })
    }
}
