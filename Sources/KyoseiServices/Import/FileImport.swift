import Foundation
import GRDB
import KyoseiIntake
import KyoseiStore

/// The one way a partner file is applied, whatever its kind. A file is checked whole before
/// anything is kept (name, manifest, hash, encoding, header, order) and applied in one
/// transaction with its `intake_file` row, its rejects and its audit entry: a refused file, a
/// crash or a `kill -9` leaves the database as it was before the file, and the same file applied
/// again changes nothing. Refusals come back as an outcome, audited, not as an error, so an inbox
/// run reports every file; errors are for what no file could cause (a permission, a full disk).
public struct FileImport: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Applies one file. With `dryRun` everything is checked and applied, then rolled back, and
    /// only the audit entry is kept. `acceptLargeChange` is an operator's word that a file the
    /// plausibility guard held is what was meant (audited); an inbox run never passes it.
    public func apply(_ path: String, as source: ImportSource, dryRun: Bool = false, acceptLargeChange: Bool = false,
                      by staff: StaffMember) throws -> ImportOutcome {
        let options = Options(dryRun: dryRun, acceptLargeChange: acceptLargeChange)
        return switch source {
        case .register: try run(RegisterImport(), path: path, options, by: staff)
        case .insurance(let asOf, let matchReport): try run(InsuranceImport(asOf: asOf, matchReport: matchReport), path: path, options, by: staff)
        case .school: try run(SchoolImport(), path: path, options, by: staff)
        case .employment: try run(EmploymentImport(), path: path, options, by: staff)
        case .attendance(let course): try run(AttendanceImport(course: course), path: path, options, by: staff)
        }
    }

    private struct Options {
        var dryRun: Bool
        var acceptLargeChange: Bool
    }

    /// Applies every `.csv` file waiting in `directory`, in the order its kind must be applied
    /// (register exports by sequence, rosters and reports by date, school rosters by year and
    /// term), and moves each applied or already-applied file to `archive`. A refused file stays
    /// where it is with its reason; so does a file whose apply failed for any other reason, and
    /// the files after it are still applied. A file whose name is of another kind goes last and
    /// is refused, so a misplaced file is reported rather than left unseen.
    public func applyInbox(_ directory: String, of kind: InboxKind, archive: String?, dryRun: Bool = false,
                           by staff: StaffMember) throws -> [ImportOutcome] {
        switch kind {
        case .register: try inbox(directory, archive: archive, dryRun: dryRun, by: staff) { RegisterImport() }
        case .insurance: try inbox(directory, archive: archive, dryRun: dryRun, by: staff) { InsuranceImport(asOf: nil, matchReport: nil) }
        case .school: try inbox(directory, archive: archive, dryRun: dryRun, by: staff) { SchoolImport() }
        case .employment: try inbox(directory, archive: archive, dryRun: dryRun, by: staff) { EmploymentImport() }
        }
    }

    private func inbox<Kind: ImportKind>(_ directory: String, archive: String?, dryRun: Bool, by staff: StaffMember,
                                         _ make: () -> Kind) throws -> [ImportOutcome] {
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".csv") }
        let sorted = names.map { name in ((try? IntakeFileName(name)).flatMap(Kind.inboxOrder), name) }.sorted { a, b in
            switch (a.0, b.0) {
            case let (x?, y?): (x, a.1) < (y, b.1)
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.1 < b.1
            }
        }
        var outcomes: [ImportOutcome] = []
        for (_, name) in sorted {
            let path = (directory as NSString).appendingPathComponent(name)
            let kind = make()
            let outcome: ImportOutcome
            do {
                outcome = try run(kind, path: path, Options(dryRun: dryRun, acceptLargeChange: false), by: staff)
            } catch let error as ServiceError where error.exitCode == 2 {
                // A permission refusal holds for every file alike.
                throw error
            } catch {
                // Anything else (a full disk, a busy database) is this file's failure: it stays in
                // the inbox, is reported, and the next night tries it again.
                context.logger.error("file failed", metadata: ["file": "\(name)", "error": "\(error)"])
                outcome = ImportOutcome(file: name, outcome: .refused, reason: "could not be applied: \(error)", details: kind.emptyDetails)
            }
            outcomes.append(outcome)
            if let archive, !dryRun, outcome.outcome == .applied || outcome.outcome == .alreadyApplied {
                try InboxArchive.move([path] + Kind.companions(of: path), to: archive)
            }
        }
        return outcomes
    }

    private func run<Kind: ImportKind>(_ kind: Kind, path: String, _ options: Options, by staff: StaffMember) throws -> ImportOutcome {
        let dryRun = options.dryRun
        var kind = kind
        let name = (path as NSString).lastPathComponent
        let lock = try ImportLock(databasePath: context.database.path)
        defer { withExtendedLifetime(lock) {} }
        var run: Kind.Run?
        do {
            let reader = try kind.open(path: path, name: name, context: context)
            let outcome = try context.perform(kind.permission, by: staff, action: kind.action, entity: kind.entity, rollback: dryRun) { db, audit in
                if dryRun { audit.qualify("dry-run") }
                var outcome = ImportOutcome(file: name, outcome: dryRun ? .checked : .applied, details: kind.emptyDetails)
                if let reason = try kind.alreadyApplied(sha256: reader.scan.sha256, in: db) {
                    outcome.outcome = .alreadyApplied
                    outcome.reason = reason
                    audit.detail = "file=\(name) already applied"
                    return outcome
                }
                try kind.check(in: db)
                try apply(kind, reader: reader, name: name, by: staff, accepting: options.acceptLargeChange, run: &run,
                          into: &outcome, audit: &audit, in: db)
                ImportPause.insideTransaction()
                return outcome
            }
            try run?.close(kept: outcome.outcome == .applied)
            // Statistics are a help, not part of the file: a reader's audit commit taking the
            // lock at that moment must not report a file that was applied as failed.
            if outcome.outcome == .applied { try? context.database.optimize() }
            return outcome
        } catch let error as IntakeError {
            try run?.close(kept: false)
            return try refuse(kind, name: name, reason: error.description, by: staff)
        } catch let refusal as ImportRefusal {
            try run?.close(kept: false)
            return try refuse(kind, name: name, reason: refusal.reason, by: staff)
        } catch let held as ImportHeld {
            try run?.close(kept: false)
            return try refuse(kind, name: name, reason: "\(held.change.description); nothing was applied. If the file is right, apply it again with --accept-large-change",
                              as: .held, by: staff)
        } catch {
            try? run?.close(kept: false)
            throw error
        }
    }

    /// Inside the transaction: the file's row first (its rejects refer to it), the rows in file
    /// order with each reject kept as it comes (read and checked on a second core meanwhile),
    /// then the end of the file and the final counts.
    /// The run is handed out as soon as it exists, so whatever it opened is closed however the
    /// file ends.
    private func apply<Kind: ImportKind>(
        _ kind: Kind, reader: IntakeReader<Kind.File>, name: String, by staff: StaffMember, accepting: Bool, run: inout Kind.Run?,
        into outcome: inout ImportOutcome, audit: inout AuditDraft, in db: Database
    ) throws {
        let facts = kind.facts
        var file = IntakeFileRecord(
            kind: Kind.recordKind, fileName: name, sha256: reader.scan.sha256, sequence: facts.sequence,
            exportKind: facts.exportKind, asOf: facts.asOf, encoding: reader.scan.encoding.rawValue,
            header: try RejectedRecord.headerText(reader.header), rowCount: 0, rowsApplied: 0, rowsRejected: 0, summary: "{}",
            appliedAt: context.clock.timestamp(), appliedBy: staff.login, courseID: facts.courseID)
        try file.insert(db)
        run = try kind.begin(file: file, name: name, staff: staff, context: context, in: db)
        var rejected = 0
        func keep(_ reject: Reject) throws {
            try RejectedRecord.store(reject, fileID: file.id!, in: db)
            try run!.setAside(reject, header: reader.header, in: db)
            rejected += 1
        }
        let records = IntakeReadAhead(reader)
        while let next = try records.next() {
            switch next.item {
            case .row(let row, let line):
                if let reject = try run!.apply(row, line: line, recordText: next.recordText, in: db) { try keep(reject) }
            case .reject(let reject):
                try keep(reject)
            }
        }
        let tally = try run!.finish(in: db)
        if let change = tally.change, change.exceedsLimit, !accepting { throw ImportHeld(change: change) }
        outcome.rejected = rejected
        outcome.rows = reader.recordCount
        outcome.applied = tally.applied
        outcome.details = tally.details
        file.rowCount = outcome.rows
        file.rowsApplied = outcome.applied
        file.rowsRejected = outcome.rejected
        file.summary = try RejectedRecord.summaryText(outcome)
        try file.update(db)
        audit.residentIDs = tally.touched
        audit.detail = "file=\(name) rows=\(outcome.rows) applied=\(outcome.applied) rejected=\(outcome.rejected)"
            + (tally.auditDetail.isEmpty ? "" : " " + tally.auditDetail)
            + (tally.change.map { $0.exceedsLimit ? " large_change_accepted=\($0.ended)/\($0.of)" : "" } ?? "")
    }

    /// A refusal (or a hold) changes nothing but is still written to the audit log, with its reason.
    private func refuse<Kind: ImportKind>(_ kind: Kind, name: String, reason: String, as result: ImportOutcome.Result = .refused,
                                          by staff: StaffMember) throws -> ImportOutcome {
        context.logger.error("file \(result.rawValue)", metadata: ["file": "\(name)", "kind": "\(Kind.recordKind.rawValue)", "reason": "\(reason)"])
        try context.perform(kind.permission, by: staff, action: kind.action, entity: kind.entity) { _, audit in
            audit.qualify(result.rawValue)
            audit.detail = "file=\(name) reason=\(reason)"
        }
        // What the kind learnt before refusing (a register export's sequence) stays in the outcome.
        return ImportOutcome(file: name, outcome: result, reason: reason, details: kind.emptyDetails)
    }
}
