import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// Applies the national register export. A file is checked whole before anything is applied
/// (manifest, hash, municipality, sequence), then applied in one transaction: a refused file,
/// a crash or a `kill -9` leaves the database as it was before the file.
public struct RegisterSyncService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Applies one `REG-*.csv` (its manifest beside it). Refusals come back as an outcome, not
    /// an error, so an inbox run can report every file.
    public func apply(csvPath: String, by staff: StaffMember, dryRun: Bool = false) throws -> SyncOutcome {
        let name = (csvPath as NSString).lastPathComponent
        let lock = try SyncLock(databasePath: context.database.path)
        defer { withExtendedLifetime(lock) {} }
        do {
            let outcome = try applyLocked(csvPath: csvPath, name: name, by: staff, dryRun: dryRun)
            // Statistics are a help, not part of the file: a reader's audit commit taking the
            // lock at that moment must not report a file that was applied as failed.
            if outcome.outcome == .applied { try? context.database.optimize() }
            return outcome
        } catch let error as IntakeError {
            return try refuse(SyncOutcome(file: name, sequence: nil, kind: nil, outcome: .refused, reason: error.description), by: staff)
        } catch let refusal as SyncRefusal {
            return try refuse(refusal.outcome, by: staff)
        }
    }

    private func applyLocked(csvPath: String, name: String, by staff: StaffMember, dryRun: Bool) throws -> SyncOutcome {
        guard case .register = try IntakeFileName(csvPath) else {
            throw IntakeError(file: name, reason: "is not a register export (REG-<municipality>-<sequence>.csv)")
        }
        let manifest = try RegisterManifest.load(forCSV: csvPath)
        var outcome = SyncOutcome(file: name, sequence: manifest.sequence, kind: manifest.kind.rawValue, outcome: .applied)
        func refusal(_ reason: String) -> SyncRefusal {
            var refused = outcome
            refused.outcome = .refused
            refused.reason = reason
            return SyncRefusal(outcome: refused)
        }
        let city = context.settings.municipalityCode
        guard manifest.municipalityCode == city else {
            throw refusal("the manifest is for municipality \(manifest.municipalityCode), this database is \(city)")
        }
        // The name, the hash and the header are checked here, before the write lock is taken.
        let reader = try IntakeReader(path: csvPath, kind: RegisterKind(manifest: manifest))

        return try context.perform(.fileImport, by: staff, action: dryRun ? "sync.register.dry-run" : "sync.register",
                                   entity: "register_file", rollback: dryRun) { db, audit in
            if let done = try IntakeFileRecord.all().filter(kind: .register).filter(sequence: manifest.sequence).fetchOne(db) {
                guard done.sha256 == manifest.sha256 else {
                    throw refusal("sequence \(manifest.sequence) was already applied from a file with a different hash (\(done.sha256.prefix(12))…, applied \(done.appliedAt)); this file (\(manifest.sha256.prefix(12))…) is not the export that was applied")
                }
                outcome.outcome = .alreadyApplied
                outcome.reason = "sequence \(manifest.sequence) was already applied on \(done.appliedAt); nothing changed"
                audit.detail = "file=\(name) already applied"
                return outcome
            }
            let last = try IntakeFileRecord.all().filter(kind: .register).latestSequenceFirst().fetchOne(db)?.sequence
            switch (manifest.kind, last) {
            case (.delta, nil):
                throw refusal("no snapshot has been applied yet; a delta needs a baseline")
            case (.delta, let last?) where manifest.sequence > last + 1:
                throw refusal("sequence \(last + 1) is missing: the last applied export is \(last), this delta is \(manifest.sequence)")
            case (_, let last?) where manifest.sequence <= last:
                throw refusal("sequence \(manifest.sequence) is older than the last applied export (\(last))")
            default:
                break
            }
            // The first snapshot into an empty city: build the indexes once at the end.
            let empty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM resident)") ?? false
            let bulk = manifest.kind == .snapshot && empty
            let suspended = bulk ? try SuspendedIndexes.suspend(on: ["resident", "history"], in: db) : nil
            let reconciler = try RegisterReconciler(
                db: db, login: staff.login, timestamp: context.clock.timestamp(), fileName: name,
                sequence: manifest.sequence, outcome: outcome)
            var rejects: [Reject] = []
            while let item = try reader.next() {
                switch item {
                case .row(let row, let line):
                    do {
                        try reconciler.apply(row, line: line)
                    } catch let duplicate as DuplicateSnapshotRow {
                        rejects.append(Reject(
                            file: name, line: line, columns: ["person_id"],
                            reasons: ["person_id \(duplicate.personID): is listed more than once in this snapshot"],
                            recordText: reader.lastRecordText))
                    }
                case .reject(let reject):
                    rejects.append(reject)
                    if manifest.kind == .snapshot, let personID = RejectedRecord.personID(of: reject, header: reader.header) {
                        try reconciler.protectListed(personID: personID)
                    }
                }
            }
            try reconciler.finish(snapshot: manifest.kind == .snapshot)
            try suspended?.restore(in: db)
            outcome = reconciler.outcome
            outcome.rows = reader.recordCount
            outcome.rejected = rejects.count
            if dryRun { outcome.outcome = .checked }
            var file = try IntakeFileRecord(
                kind: .register, fileName: name, sha256: manifest.sha256, sequence: manifest.sequence,
                exportKind: manifest.kind.rawValue, asOf: manifest.asOf, encoding: reader.scan.encoding.rawValue,
                header: RejectedRecord.headerText(reader.header), rowCount: reader.recordCount, rowsApplied: outcome.applied,
                rowsRejected: rejects.count, summary: outcome.jsonText(), appliedAt: context.clock.timestamp(),
                appliedBy: staff.login)
            try file.insert(db)
            for reject in rejects {
                try RejectedRecord.store(reject, fileID: file.id!, in: db)
            }
            audit.residentIDs = reconciler.touched
            audit.detail = "file=\(name) seq=\(manifest.sequence) kind=\(manifest.kind.rawValue) rows=\(outcome.rows) applied=\(outcome.applied) rejected=\(outcome.rejected)"
            return outcome
        }
    }

    /// A refusal changes nothing but is still written to the audit log, with its reason.
    private func refuse(_ outcome: SyncOutcome, by staff: StaffMember) throws -> SyncOutcome {
        context.logger.error("register file refused", metadata: ["file": "\(outcome.file)", "reason": "\(outcome.reason ?? "")"])
        try context.perform(.fileImport, by: staff, action: "sync.register.refused", entity: "register_file") { _, audit in
            audit.detail = "file=\(outcome.file) reason=\(outcome.reason ?? "")"
        }
        return outcome
    }

    /// Applies every pending `REG-*.csv` in `directory` in sequence order, moving applied (and
    /// already-applied) files and their manifests to `archive`; refused files stay where they are,
    /// and so does a file whose apply failed, reported as refused with the failure as its reason.
    public func applyInbox(directory: String, archive: String?, by staff: StaffMember, dryRun: Bool = false) throws -> [SyncOutcome] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        let files = names.compactMap { name -> (Int, String)? in
            guard name.hasPrefix("REG-"), name.hasSuffix(".csv"),
                  case .register(_, let sequence)? = try? IntakeFileName(name) else { return nil }
            return (sequence, name)
        }.sorted { $0.0 < $1.0 }
        var outcomes: [SyncOutcome] = []
        for (sequence, name) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            let outcome: SyncOutcome
            do {
                outcome = try apply(csvPath: path, by: staff, dryRun: dryRun)
            } catch let error as ServiceError where error.exitCode == 2 {
                // A permission refusal holds for every file alike.
                throw error
            } catch {
                // Anything else (a full disk, a busy database) is this file's failure: it stays in
                // the inbox, is reported, and the next night tries it again.
                context.logger.error("register file failed", metadata: ["file": "\(name)", "error": "\(error)"])
                outcome = SyncOutcome(file: name, sequence: sequence, kind: nil, outcome: .refused, reason: "could not be applied: \(error)")
            }
            outcomes.append(outcome)
            if let archive, !dryRun, outcome.outcome == .applied || outcome.outcome == .alreadyApplied {
                try InboxArchive.move([path, RegisterManifest.path(forCSV: path)], to: archive)
            }
        }
        return outcomes
    }
}

/// Thrown inside the transaction to roll it back and report the file as refused.
struct SyncRefusal: Error {
    let outcome: SyncOutcome
}

extension SyncOutcome {
    func jsonText() throws -> String { try RejectedRecord.summaryText(self) }
}
