import GRDB
import KyoseiDomain

/// A question the identity resolver could not answer alone (is this incoming person one of
/// these residents?), asked by one source; a person decides it at the review desk.
public struct IdentityReviewRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "identity_review"

    public var id: Int64?
    /// The resident the question is raised on: the register row's resident, or the best candidate.
    public var residentID: Int64
    /// Comma-separated `K<id>` of the residents it might be.
    public var candidateIDs: String
    public var reason: String
    public var sourceRef: String
    public var state: ReviewState
    public var createdAt: String
    /// What the question is about when it is not a register row: `insurance_member` and its id.
    public var subjectEntity: String?
    public var subjectID: String?
    public var source: ReviewSource
    /// Ties the questions of one person across files whose subject rows differ (see 017).
    public var subjectKey: String?
    /// The resolver's `MatchExplanation` as JSON, when it scored the candidates.
    public var explanation: String?
    public var decision: ReviewDecision?
    public var linkedResidentID: Int64?
    public var decidedBy: String?
    public var decidedAt: String?
    public var decisionNote: String?

    public init(id: Int64? = nil, residentID: Int64, candidateIDs: String, reason: String, sourceRef: String,
                state: ReviewState = .open, createdAt: String, subjectEntity: String? = nil, subjectID: String? = nil,
                source: ReviewSource, subjectKey: String? = nil, explanation: String? = nil) {
        self.id = id
        self.residentID = residentID
        self.candidateIDs = candidateIDs
        self.reason = reason
        self.sourceRef = sourceRef
        self.state = state
        self.createdAt = createdAt
        self.subjectEntity = subjectEntity
        self.subjectID = subjectID
        self.source = source
        self.subjectKey = subjectKey
        self.explanation = explanation
    }

    /// Inserts a question as raised, undecided. Cached: a roster may raise one for every
    /// twentieth row, and the record's coding measured more than the insert.
    public mutating func insertCached(_ db: Database) throws {
        try db.runCached("""
            INSERT INTO identity_review (resident_id, candidate_ids, reason, source_ref, state, created_at, subject_entity,
                subject_id, source, subject_key, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.integer(residentID)
            $0.text(candidateIDs)
            $0.text(reason)
            $0.text(sourceRef)
            $0.code(state)
            $0.text(createdAt)
            $0.text(subjectEntity)
            $0.text(subjectID)
            $0.code(source)
            $0.text(subjectKey)
            $0.text(explanation)
        }
        id = db.lastInsertedRowID
    }

    /// The id staff see and type (`R12`).
    public var reviewID: ReviewID? { id.flatMap { try? ReviewID($0) } }

    /// The candidates' resident ids, best first.
    public var candidates: [Int64] { Self.candidates(in: candidateIDs) }

    /// The resident ids of a `candidate_ids` text (`K3,K9`).
    public static func candidates(in text: String) -> [Int64] {
        text.split(separator: ",").compactMap { Int64($0.drop { $0 == "K" }) }
    }

    enum CodingKeys: String, CodingKey {
        case id, reason, state, source, explanation, decision
        case residentID = "resident_id"
        case candidateIDs = "candidate_ids"
        case sourceRef = "source_ref"
        case createdAt = "created_at"
        case subjectEntity = "subject_entity"
        case subjectID = "subject_id"
        case subjectKey = "subject_key"
        case linkedResidentID = "linked_resident_id"
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
        case decisionNote = "decision_note"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let subjectEntity = Column(CodingKeys.subjectEntity)
        public static let subjectID = Column(CodingKeys.subjectID)
        public static let state = Column(CodingKeys.state)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Every review asked about a row of `entity`'s table, oldest first: a roster reads them once
    /// to raise no second review for a subject and to know whom staff refused.
    public static func asked(about entity: String) -> QueryInterfaceRequest<IdentityReviewRecord> {
        filter(Columns.subjectEntity == entity && Columns.subjectID != nil).order(Columns.id)
    }

    /// An open review with the district of the resident it was raised on, for its case.
    public struct Open: Decodable, FetchableRecord, Sendable {
        public var id: Int64
        public var residentID: Int64
        public var candidateIDs: String
        public var reason: String
        public var sourceRef: String
        public var districtCode: String?

        enum CodingKeys: String, CodingKey {
            case id, reason
            case residentID = "resident_id"
            case candidateIDs = "candidate_ids"
            case sourceRef = "source_ref"
            case districtCode = "district_code"
        }
    }

    /// Every review still waiting for a person.
    public static func open(in db: Database) throws -> RecordCursor<Open> {
        try Open.fetchCursor(db, sql: """
            SELECT v.id, v.resident_id, v.candidate_ids, v.reason, v.source_ref, r.district_code
            FROM identity_review v JOIN resident r ON r.id = v.resident_id WHERE v.state = ?
            """, arguments: [ReviewState.open])
    }

    /// The reviews case `caseID` links to (as `entity`) stop waiting: staff resolved the case.
    public static func resolve(linkedTo caseID: Int64, as entity: String, in db: Database) throws {
        try db.execute(sql: """
            UPDATE identity_review SET state = ?
            WHERE id IN (SELECT CAST(entity_id AS INTEGER) FROM case_link WHERE case_id = ? AND entity = ?)
            """, arguments: [ReviewState.resolved, caseID, entity])
    }

    /// The latest decision staff made on reviews asking with `key`, and the resident linked.
    /// Cached: every notification whose card holder disagrees asks.
    public static func latestDecision(subjectKey key: String, in db: Database) throws -> (ReviewDecision, Int64?)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT decision, linked_resident_id FROM identity_review WHERE subject_key = ? AND decision IS NOT NULL
            ORDER BY decided_at DESC, id DESC LIMIT 1
            """), arguments: [key]), let decision = ReviewDecision(rawValue: row["decision"]) else { return nil }
        return (decision, row["linked_resident_id"])
    }
}

extension DerivableRequest<IdentityReviewRecord> {
    /// Reviews still waiting for a person, oldest first.
    public func waiting() -> Self {
        filter(IdentityReviewRecord.Columns.state == ReviewState.open).order(IdentityReviewRecord.Columns.id)
    }
}
