import GRDB

/// A register row that may be someone Kyosei holds without a person id; a human decides.
public struct IdentityReviewRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "identity_review"

    public var id: Int64?
    public var residentID: Int64
    /// Comma-separated `K<id>` of the residents it might be.
    public var candidateIDs: String
    public var reason: String
    public var sourceRef: String
    public var state: String
    public var createdAt: String

    public init(id: Int64? = nil, residentID: Int64, candidateIDs: String, reason: String, sourceRef: String,
                state: String = "OPEN", createdAt: String) {
        self.id = id
        self.residentID = residentID
        self.candidateIDs = candidateIDs
        self.reason = reason
        self.sourceRef = sourceRef
        self.state = state
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, reason, state
        case residentID = "resident_id"
        case candidateIDs = "candidate_ids"
        case sourceRef = "source_ref"
        case createdAt = "created_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
