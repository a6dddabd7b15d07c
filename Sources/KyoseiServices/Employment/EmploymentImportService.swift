import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// Applies a foreign-worker notification file (`EMP-<date>.csv`). The file is read whole before
/// anything is kept and applied in one transaction with its rejects: a refused file, or one that
/// breaks half-way, changes nothing, and the same bytes applied twice change nothing the second time.
public struct EmploymentImportService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    public func apply(csvPath: String, by staff: StaffMember) throws -> EmploymentImportOutcome {
        let name = (csvPath as NSString).lastPathComponent
        do {
            guard case .employment = try IntakeFileName(csvPath) else {
                throw IntakeError(file: name, reason: "is not an employment report (EMP-<date>.csv)")
            }
            let reader = try IntakeReader(path: csvPath, kind: EmploymentReportKind())
            return try context.perform(.fileImport, by: staff, action: "import.employment", entity: "employment_file") { db, audit in
                try applyRead(reader, name: name, by: staff, in: db, audit: &audit)
            }
        } catch let error as IntakeError {
            let outcome = EmploymentImportOutcome(file: name, outcome: .refused, reason: error.description)
            context.logger.error("employment file refused", metadata: ["file": "\(name)", "reason": "\(error.description)"])
            try context.perform(.fileImport, by: staff, action: "import.employment.refused", entity: "employment_file") { _, audit in
                audit.detail = "file=\(name) reason=\(error.description)"
            }
            return outcome
        }
    }

    private func applyRead(_ reader: IntakeReader<EmploymentReportKind>, name: String, by staff: StaffMember,
                           in db: Database, audit: inout AuditDraft) throws -> EmploymentImportOutcome {
        var outcome = EmploymentImportOutcome(file: name, outcome: .applied)
        if let done = try IntakeFileRecord.all().filter(kind: .employment).filter(sha256: reader.scan.sha256).fetchOne(db) {
            outcome.outcome = .alreadyApplied
            outcome.reason = "this file was already applied as \(done.fileName) on \(done.appliedAt); nothing changed"
            audit.detail = "file=\(name) already applied"
            return outcome
        }
        // The whole file is read before anything is kept: a break near its end refuses it all.
        var rows: [(row: EmploymentReportRow, line: Int)] = []
        var rejects: [Reject] = []
        while let item = try reader.next() {
            switch item {
            case .row(let row, let line): rows.append((row, line))
            case .reject(let reject): rejects.append(reject)
            }
        }
        var file = IntakeFileRecord(
            kind: .employment, fileName: name, sha256: reader.scan.sha256, sequence: nil, exportKind: nil, asOf: nil,
            encoding: reader.scan.encoding.rawValue, header: try RejectedRecord.headerText(reader.header),
            rowCount: reader.recordCount, rowsApplied: 0, rowsRejected: rejects.count, summary: "{}",
            appliedAt: context.clock.timestamp(), appliedBy: staff.login)
        try file.insert(db)
        // Episodes follow the events, not the order the employers filed them in: a late hire
        // report listed after its separation must still open the episode that separation closes.
        rows.sort { ($0.row.eventDate, $0.row.reportType == .hire ? 0 : 1, $0.line) < ($1.row.eventDate, $1.row.reportType == .hire ? 0 : 1, $1.line) }
        var recorder = EmploymentRecorder(
            fileID: file.id!, fileName: name, timestamp: context.clock.timestamp(),
            checks: EmploymentChecks(insuranceWeeklyHours: context.settings.employmentInsuranceWeeklyHours))
        for (row, line) in rows {
            try recorder.record(row, line: line, in: db, outcome: &outcome)
        }
        for reject in rejects {
            try RejectedRecord.store(reject, fileID: file.id!, in: db)
        }
        outcome.rows = reader.recordCount
        outcome.rejected = rejects.count
        file.rowsApplied = outcome.applied
        file.summary = try outcome.jsonText()
        try file.update(db)
        audit.residentIDs = recorder.touched.sorted()
        audit.detail = "file=\(name) rows=\(outcome.rows) applied=\(outcome.applied) rejected=\(outcome.rejected) duplicates=\(outcome.duplicates) review=\(outcome.review) unlinked=\(outcome.unlinked)"
        return outcome
    }
}

extension EmploymentImportOutcome {
    func jsonText() throws -> String { try RejectedRecord.summaryText(self) }
}
