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
    /// What the question is about when it is not a register row: `insurance_member` and its id.
    public var subjectEntity: String?
    public var subjectID: String?

    public init(id: Int64? = nil, residentID: Int64, candidateIDs: String, reason: String, sourceRef: String,
                state: String = "OPEN", createdAt: String, subjectEntity: String? = nil, subjectID: String? = nil) {
        self.id = id
        self.residentID = residentID
        self.candidateIDs = candidateIDs
        self.reason = reason
        self.sourceRef = sourceRef
        self.state = state
        self.createdAt = createdAt
        self.subjectEntity = subjectEntity
        self.subjectID = subjectID
    }

    enum CodingKeys: String, CodingKey {
        case id, reason, state
        case residentID = "resident_id"
        case candidateIDs = "candidate_ids"
        case sourceRef = "source_ref"
        case createdAt = "created_at"
        case subjectEntity = "subject_entity"
        case subjectID = "subject_id"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
