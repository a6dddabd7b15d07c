import GRDB

/// A row set aside from an applied file, kept until staff apply a correction or dismiss it.
public struct RejectRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "intake_reject"

    public enum State: String, Codable, Sendable, CaseIterable {
        case open = "OPEN", applied = "APPLIED", dismissed = "DISMISSED"
    }

    public var id: Int64?
    public var fileID: Int64
    public var line: Int
    /// Comma-separated column names.
    public var columns: String
    /// JSON array of reasons, each one sentence.
    public var reasons: String
    public var recordText: String
    public var state: State
    public var correctedText: String?
    public var resolvedAt: String?
    public var resolvedBy: String?
    public var resolutionNote: String?

    public init(id: Int64? = nil, fileID: Int64, line: Int, columns: String, reasons: String, recordText: String,
                state: State = .open, correctedText: String? = nil, resolvedAt: String? = nil, resolvedBy: String? = nil,
                resolutionNote: String? = nil) {
        self.id = id
        self.fileID = fileID
        self.line = line
        self.columns = columns
        self.reasons = reasons
        self.recordText = recordText
        self.state = state
        self.correctedText = correctedText
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
        self.resolutionNote = resolutionNote
    }

    enum CodingKeys: String, CodingKey {
        case id, line, columns, reasons, state
        case fileID = "file_id"
        case recordText = "record_text"
        case correctedText = "corrected_text"
        case resolvedAt = "resolved_at"
        case resolvedBy = "resolved_by"
        case resolutionNote = "resolution_note"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DerivableRequest<RejectRecord> {
    public func filter(state: RejectRecord.State) -> Self { filter(Column("state") == state.rawValue) }
    public func orderedByID() -> Self { order(Column("id")) }
}
