import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore

/// Copies of the live database, and putting one back. Both run outside `perform`'s write
/// transaction, so staff keep reading and writing while a backup is taken, and both are audited.
public struct BackupService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Copies the live database with SQLite's online backup (a consistent snapshot while others
    /// write), verifies the copy, and only then gives it its name: a file at `path` is a good backup.
    @discardableResult
    public func backup(to path: String, by staff: StaffMember) throws -> BackupReport {
        try context.require(.backup, by: staff, action: .backup, entity: .database)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ServiceError.usage("\(path) already exists; name a new file for the backup.")
        }
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        try copy(from: context.database.writer, to: partial)
        let verification = CopyVerification.examine(partial, municipality: context.settings.municipalityCode)
        guard verification.isSound else {
            try? FileManager.default.removeItem(atPath: partial)
            try audit(.backup, detail: "to=\(path) failed: " + verification.problems.joined(separator: "; "), by: staff)
            throw ServiceError.dataRefused("The backup failed verification and was deleted: \(verification.problems.joined(separator: "; ")).")
        }
        do {
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            throw ServiceError.internalFailure("The verified backup \(partial) could not be renamed to \(path): \(error.localizedDescription)")
        }
        try audit(.backup, detail: "to=\(path) head=\(verification.auditHead ?? "empty")", by: staff)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return BackupReport(file: path, bytes: bytes, verification: verification)
    }

    /// Replaces the live database's content with the copy at `path` after verifying it, keeping
    /// what it replaces beside the database. Everything that can fail happens on a staged copy
    /// first (migrations, the restore's own audit entry, the audit spool the next write folds in,
    /// a second verification), and the live database then takes the staged content in one step of
    /// SQLite's backup API: other processes see the restored content, never a mix, and a restore
    /// that fails leaves the live database as it was, with the failure in its audit log.
    @discardableResult
    public func restore(from path: String, by staff: StaffMember) throws -> RestoreReport {
        try context.require(.backup, by: staff, action: .restore, entity: .database)
        let verification = CopyVerification.examine(path, municipality: context.settings.municipalityCode)
        guard verification.isSound else {
            try audit(.restore, detail: "from=\(path) refused: " + verification.problems.joined(separator: "; "), by: staff)
            throw ServiceError.dataRefused("\(path) cannot be restored: \(verification.problems.joined(separator: "; ")).")
        }
        do {
            let kept = try withExtendedLifetime(try ImportLock(databasePath: context.database.path)) {
                try replaceLive(with: path, head: verification.auditHead, by: staff)
            }
            return RestoreReport(file: path, kept: kept, verification: verification)
        } catch let error as ServiceError {
            do {
                try auditFailure(of: path, error, by: staff)
            } catch let auditError {
                throw ServiceError.internalFailure("\(error.description) Its audit entry could not be written either: \(auditError).")
            }
            throw error
        }
    }

    /// Keeps the live database beside itself, stages `path` migrated and with the restore's audit
    /// entry at the end of its chain, checks the stage and only then copies it over the live
    /// database. Runs holding the import lock, so no file import is mid-file.
    private func replaceLive(with path: String, head: String?, by staff: StaffMember) throws -> String {
        let kept = try unusedPath(context.database.path + ".before-restore-" + context.fileStamp)
        let staged = try unusedPath(context.database.path + ".restoring-" + context.fileStamp)
        defer { try? FileManager.default.removeItem(atPath: staged) }
        do {
            try context.foldAuditSpool()
            try copy(from: context.database.writer, to: kept)
            let source = try DatabaseQueue(path: path)
            defer { try? source.close() }
            try copy(from: source, to: staged)
            let stage = try DatabaseQueue(path: staged)
            defer { try? stage.close() }
            try AppDatabase.migrator.migrate(stage)
            _ = try context.database.auditSpool.pending()
            try stage.write { db in
                _ = try AuditWriter.append(
                    AuditDraft(.restore, .database, detail: "from=\(path) head=\(head ?? "empty") kept=\(kept)"),
                    by: staff.login, at: context.clock.timestamp(), in: db, folding: nil)
            }
            let check = CopyVerification.examine(staged, municipality: context.settings.municipalityCode)
            guard check.isSound else { throw ServiceError.internalFailure(check.problems.joined(separator: "; ")) }
            try stage.backup(to: context.database.writer)
        } catch {
            let reason = (error as? ServiceError)?.description ?? "\(error)"
            let copy = FileManager.default.fileExists(atPath: kept) ? " (a copy of it is at \(kept))" : ""
            throw ServiceError.internalFailure("Restoring \(path) failed (\(reason)); the live database was not changed\(copy).")
        }
        return kept
    }

    /// `base`, with a counter when a file of that name exists (a restore already ran this second).
    private func unusedPath(_ base: String) throws -> String {
        var candidate = base
        var counter = 1
        while FileManager.default.fileExists(atPath: candidate) {
            counter += 1
            candidate = base + "-\(counter)"
        }
        return candidate
    }

    /// The failure goes into the live database's chain without folding the audit spool, since
    /// the spool may be what failed; its entries stay there for the next write.
    private func auditFailure(of path: String, _ error: ServiceError, by staff: StaffMember) throws {
        try context.database.writer.write { db in
            _ = try AuditWriter.append(
                AuditDraft(.restore, .database, detail: "from=\(path) failed: \(error.description)"),
                by: staff.login, at: context.clock.timestamp(), in: db, folding: nil)
        }
    }

    /// Writes a self-contained copy (rollback journal, no WAL beside it) created with the private mode.
    private func copy(from source: some DatabaseReader, to path: String) throws {
        do {
            try context.settings.privateFileMode.create(path)
            let destination = try DatabaseQueue(path: path)
            try source.backup(to: destination)
            try destination.writeWithoutTransaction { db in try db.useRollbackJournal() }
            try destination.close()
        } catch let error as PrivateFileError {
            throw ServiceError.internalFailure(error.description)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw ServiceError.internalFailure("Copying the database to \(path) failed: \(error).")
        }
    }

    private func audit(_ action: AuditAction, detail: String, by staff: StaffMember) throws {
        try context.perform(.backup, by: staff, action: action, entity: .database) { _, audit in audit.detail = detail }
    }
}
