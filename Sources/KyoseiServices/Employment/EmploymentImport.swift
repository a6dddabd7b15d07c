import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// A foreign-worker notification file (`EMP-<date>.csv`): each notification is linked to its
/// resident by card, opens or closes an employment episode, and is checked for findings.
struct EmploymentImport: ImportKind {
    static let recordKind = IntakeFileRecord.Kind.employment
    let action = AuditAction.importEmployment
    let entity = EntityKind.employmentFile
    let emptyDetails = ImportDetails.employment(NotificationCounts())

    mutating func open(path: String, name: String, context: ServiceContext) throws -> IntakeReader<EmploymentReportKind> {
        guard case .employment = try IntakeFileName(path) else {
            throw IntakeError(file: name, reason: "is not an employment report (EMP-<date>.csv)")
        }
        return try IntakeReader(path: path, kind: EmploymentReportKind())
    }

    func begin(file: IntakeFileRecord, name: String, staff: StaffMember, context: ServiceContext, in db: Database) throws -> EmploymentRun {
        EmploymentRun(recorder: EmploymentRecorder(
            fileID: file.id!, fileName: name,
            checks: EmploymentChecks(law: context.settings.law),
            reviews: try IdentityReviewWriter(source: .employment, timestamp: context.clock.timestamp(), in: db)))
    }

    static func inboxOrder(_ name: IntakeFileName) -> String? {
        if case .employment(let date) = name { date.description } else { nil }
    }
}

/// Notifications are recorded at the end of the file, in event order rather than the order the
/// employers filed them in: a late hire report listed after its separation must still open the
/// episode that separation closes.
struct EmploymentRun: ImportRun {
    var recorder: EmploymentRecorder
    var rows: [(row: EmploymentReportRow, line: Int)] = []

    mutating func apply(_ row: EmploymentReportRow, line: Int, recordText: RecordText, in db: Database) throws -> Reject? {
        rows.append((row, line))
        return nil
    }

    mutating func finish(in db: Database) throws -> ImportTally {
        rows.sort { ($0.row.eventDate, $0.row.reportType == .hire ? 0 : 1, $0.line) < ($1.row.eventDate, $1.row.reportType == .hire ? 0 : 1, $1.line) }
        var counts = NotificationCounts()
        var applied = 0
        for (row, line) in rows where try recorder.record(row, line: line, in: db, counts: &counts) {
            applied += 1
        }
        return ImportTally(
            applied: applied, details: .employment(counts), touched: recorder.touched.sorted(),
            auditDetail: "duplicates=\(counts.duplicates) review=\(counts.review) unlinked=\(counts.unlinked)")
    }
}
