import GRDB

/// A file that was applied, so a second delivery of it is a no-op: a register export is known
/// by its sequence (and must keep its hash), any other file by its kind and hash. An attendance
/// file names no course, so the course it was applied to is kept with it for its rejects.
public struct IntakeFileRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "intake_file"

    public enum Kind: String, Codable, Sendable {
        case register = "REGISTER", insurance = "INSURANCE", school = "SCHOOL", employment = "EMPLOYMENT", attendance = "ATTENDANCE"
    }

    public var id: Int64?
    public var kind: Kind
    public var fileName: String
    public var sha256: String
    public var sequence: Int?
    public var exportKind: String?
    public var asOf: String?
    public var encoding: String
    public var header: String
    public var rowCount: Int
    public var rowsApplied: Int
    public var rowsRejected: Int
    public var summary: String
    public var appliedAt: String
    public var appliedBy: String
    public var courseID: Int64?

    public init(id: Int64? = nil, kind: Kind, fileName: String, sha256: String, sequence: Int?, exportKind: String?,
                asOf: String?, encoding: String, header: String, rowCount: Int, rowsApplied: Int, rowsRejected: Int,
                summary: String, appliedAt: String, appliedBy: String, courseID: Int64? = nil) {
        self.id = id
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.sequence = sequence
        self.exportKind = exportKind
        self.asOf = asOf
        self.encoding = encoding
        self.header = header
        self.rowCount = rowCount
        self.rowsApplied = rowsApplied
        self.rowsRejected = rowsRejected
        self.summary = summary
        self.appliedAt = appliedAt
        self.appliedBy = appliedBy
        self.courseID = courseID
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, sha256, sequence, encoding, header, summary
        case fileName = "file_name"
        case exportKind = "export_kind"
        case asOf = "as_of"
        case rowCount = "row_count"
        case rowsApplied = "rows_applied"
        case rowsRejected = "rows_rejected"
        case appliedAt = "applied_at"
        case appliedBy = "applied_by"
        case courseID = "course_id"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The name of file `id`, as it arrived.
    public static func name(of id: Int64, in db: Database) throws -> String? {
        try filter(key: id).select(Column(CodingKeys.fileName), as: String.self).fetchOne(db)
    }
}

extension IntakeFileRecord {
    /// The latest day any roster whose file name starts with `prefix` (one scheme and source)
    /// was as of: an older roster from the same source must not undo a newer one.
    public static func latestAsOf(namesStartingWith prefix: String, kind: Kind, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT max(as_of) FROM intake_file WHERE kind = ? AND substr(file_name, 1, ?) = ?",
                            arguments: [kind.rawValue, prefix.count, prefix])
    }

    /// Keeps with file `id` the weights its roster's decisions were made with, so any of them can
    /// be explained later.
    public static func setMatchParameters(_ json: String, forFile id: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE intake_file SET match_parameters = ? WHERE id = ?", arguments: [json, id])
    }
}

extension DerivableRequest<IntakeFileRecord> {
    public func filter(kind: IntakeFileRecord.Kind) -> Self { filter(Column("kind") == kind.rawValue) }
    public func filter(sha256: String) -> Self { filter(Column("sha256") == sha256) }
    public func filter(sequence: Int) -> Self { filter(Column("sequence") == sequence) }
    public func latestSequenceFirst() -> Self { order(Column("sequence").desc) }
}
