import Foundation
import GRDB
import KyoseiDomain
import KyoseiIntake
import KyoseiStore

/// The rows set aside from applied files: staff list them, read every reason, correct the
/// record and apply it, or dismiss it with a note. A corrected row is judged by exactly the
/// same rules as the file's rows were.
public struct RejectService: Sendable {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    public func list(state: RejectRecord.State? = .open, by staff: StaffMember) throws -> [RejectView] {
        try context.performRead(.rejectsRead, by: staff, action: .rejectsList, entity: .reject, rows: { $0.count }) { db, audit in
            var request = RejectRecord.all().orderedByID()
            if let state { request = request.filter(state: state) }
            let views = try request.fetchAll(db).map { try RejectView.load($0, in: db) }
            audit.detail = "state=\(state?.rawValue ?? "all") count=\(views.count)"
            return views
        }
    }

    public func show(_ id: Int64, by staff: StaffMember) throws -> RejectView {
        try context.performRead(.rejectsRead, by: staff, action: .rejectsShow, entity: .reject) { db, audit in
            audit.detail = "reject=\(id)"
            return try RejectView.load(try Self.fetch(id, in: db), in: db)
        }
    }

    /// Applies a corrected row of a register export or an attendance file: either `changes`
    /// (column → new value) over the original record, or a whole corrected `text`. The row is
    /// judged by exactly the rules its file's rows were, and refused with every reason if it
    /// still fails them; rows of other files are corrected by their next delivery.
    public func fix(_ id: Int64, changes: [String: String], text: String?, note: String?, by staff: StaffMember) throws -> RejectView {
        try context.perform(.rejectsFix, by: staff, action: .rejectsFix, entity: .reject) { db, audit in
            var reject = try Self.fetch(id, in: db)
            guard reject.state == .open else { throw ServiceError.usage("Reject \(id) is already \(reject.state.rawValue.lowercased()).") }
            let file = try IntakeFileRecord.fetchOne(db, key: reject.fileID)!
            guard file.kind == .register || file.kind == .attendance else {
                throw ServiceError.usage("Reject \(id) comes from a \(file.kind.rawValue.lowercased()) file; that kind of correction arrives with its own import.")
            }
            let header = RejectedRecord.strings(file.header)
            let corrected = try text ?? RejectedRecord.replacing(changes, in: reject.recordText, header: header)
            let residentID = file.kind == .register
                ? try applyRegisterRow(corrected, header: header, of: file, reject: reject, by: staff, in: db)
                : try applyAttendanceRow(corrected, header: header, of: file, reject: reject, by: staff, in: db)
            reject.state = .applied
            reject.correctedText = corrected
            reject.resolvedAt = context.clock.timestamp()
            reject.resolvedBy = staff.login
            reject.resolutionNote = note
            try reject.update(db)
            audit.residentIDs = residentID.map { [$0] } ?? []
            audit.detail = "reject=\(id) file=\(file.fileName) line=\(reject.line)"
            return try RejectView.load(reject, in: db)
        }
    }

    /// The corrected record as a row of `kind`, or every reason it still fails.
    private func revalidated<Kind: FileKind>(_ corrected: String, header: [String], kind: Kind, of file: IntakeFileRecord,
                                             reject: RejectRecord) throws -> Kind.Row {
        let item: IntakeItem<Kind.Row>
        do {
            item = try IntakeReader.revalidate(recordText: corrected, header: header, kind: kind, fileName: file.fileName, line: reject.line)
        } catch {
            throw ServiceError.dataRefused("The corrected record cannot be read: \(error).")
        }
        switch item {
        case .row(let row, _): return row
        case .reject(let still): throw Self.stillInvalid(still.reasons)
        }
    }

    private static func stillInvalid(_ reasons: [String]) -> ServiceError {
        .invalid(ValidationError(field: "corrected record", value: "", reason: reasons.joined(separator: "; ")))
    }

    private func applyRegisterRow(_ corrected: String, header: [String], of file: IntakeFileRecord, reject: RejectRecord,
                                  by staff: StaffMember, in db: Database) throws -> Int64? {
        let manifest = try RegisterManifest(
            municipalityCode: context.settings.municipalityCode,
            kind: RegisterManifest.ExportKind(rawValue: file.exportKind ?? "delta") ?? .delta,
            sequence: file.sequence ?? 1, asOf: file.asOf ?? "", rowCount: file.rowCount, sha256: file.sha256)
        let row = try revalidated(corrected, header: header, kind: RegisterKind(manifest: manifest), of: file, reject: reject)
        if let newer = try RegisterAttention.changed(row.personID, after: file.sequence ?? 0, in: db) {
            throw ServiceError.usage("Person \(row.personID) was updated by a later register export (sequence \(newer)); applying this older row would undo it. Dismiss the reject instead.")
        }
        let reconciler = try RegisterReconciler(
            db: db, login: staff.login, timestamp: context.clock.timestamp(), fileName: file.fileName,
            sequence: file.sequence ?? 0, counts: RegisterCounts(sequence: file.sequence, kind: file.exportKind))
        try reconciler.apply(row, line: reject.line, as: .correction, reference: "reject \(reject.id!)")
        try reconciler.finish()
        return try ResidentRecord.fetchOne(db, personID: row.personID)?.id
    }

    /// A corrected attendance row is marked in the course its file was applied to, as the file's
    /// own rows were: the same reader, then the same check of person and session.
    private func applyAttendanceRow(_ corrected: String, header: [String], of file: IntakeFileRecord, reject: RejectRecord,
                                    by staff: StaffMember, in db: Database) throws -> Int64? {
        let row = try revalidated(corrected, header: header, kind: AttendanceKind(), of: file, reject: reject)
        let marks = try AttendanceMarks(course: try Course.fetch(file.courseID!, in: db), source: .file, login: staff.login,
                                        timestamp: context.clock.timestamp(), db: db)
        switch try marks.record(row) {
        case .recorded(let residentID): return residentID
        case .setAside(_, let reason): throw Self.stillInvalid([reason])
        }
    }

    public func dismiss(_ id: Int64, note: String, by staff: StaffMember) throws -> RejectView {
        guard !note.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ServiceError.usage("Say why the reject is dismissed (--note).")
        }
        return try context.perform(.rejectsFix, by: staff, action: .rejectsDismiss, entity: .reject) { db, audit in
            var reject = try Self.fetch(id, in: db)
            guard reject.state == .open else { throw ServiceError.usage("Reject \(id) is already \(reject.state.rawValue.lowercased()).") }
            reject.state = .dismissed
            reject.resolvedAt = context.clock.timestamp()
            reject.resolvedBy = staff.login
            reject.resolutionNote = note
            try reject.update(db)
            audit.detail = "reject=\(id)"
            return try RejectView.load(reject, in: db)
        }
    }

    private static func fetch(_ id: Int64, in db: Database) throws -> RejectRecord {
        guard let reject = try RejectRecord.fetchOne(db, key: id) else { throw ServiceError.notFound("No reject \(id).") }
        return reject
    }
}

/// A reject as staff see it: where it came from, why, and the record.
public struct RejectView: Sendable, Codable, Equatable {
    public let id: Int64
    public let file: String
    public let line: Int
    public let columns: [String]
    public let reasons: [String]
    public let recordText: String
    public let state: String
    public let correctedText: String?
    public let resolvedBy: String?
    public let resolutionNote: String?

    static func load(_ reject: RejectRecord, in db: Database) throws -> RejectView {
        let file = try IntakeFileRecord.name(of: reject.fileID, in: db) ?? "?"
        return RejectView(
            id: reject.id!, file: file, line: reject.line,
            columns: reject.columns.split(separator: ",").map(String.init), reasons: RejectedRecord.strings(reject.reasons),
            recordText: reject.recordText, state: reject.state.rawValue, correctedText: reject.correctedText,
            resolvedBy: reject.resolvedBy, resolutionNote: reject.resolutionNote)
    }

    enum CodingKeys: String, CodingKey {
        case id, file, line, columns, reasons, state
        case recordText = "record_text"
        case correctedText = "corrected_text"
        case resolvedBy = "resolved_by"
        case resolutionNote = "resolution_note"
    }
}
