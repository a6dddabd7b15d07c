import GRDB
import KyoseiDomain

/// What a home visit found about a child, kept until a roster applied after it lists the child.
public struct SchoolConfirmationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "school_confirmation"

    public var id: Int64?
    public var residentID: Int64
    public var outcome: HomeVisitOutcome
    public var note: String
    /// The newest school roster applied when it was recorded.
    public var afterFileID: Int64?
    public var confirmedAt: String
    public var confirmedBy: String

    public init(id: Int64? = nil, residentID: Int64, outcome: HomeVisitOutcome, note: String, afterFileID: Int64?,
                confirmedAt: String, confirmedBy: String) {
        self.id = id
        self.residentID = residentID
        self.outcome = outcome
        self.note = note
        self.afterFileID = afterFileID
        self.confirmedAt = confirmedAt
        self.confirmedBy = confirmedBy
    }

    enum CodingKeys: String, CodingKey {
        case id, outcome, note
        case residentID = "resident_id"
        case afterFileID = "after_file_id"
        case confirmedAt = "confirmed_at"
        case confirmedBy = "confirmed_by"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Each child's newest confirmation recorded by `asOf`, unless a roster applied after it
    /// lists the child: the roster then says otherwise.
    public static func standing(asOf: LocalDate, in db: Database) throws -> [SchoolConfirmationRecord] {
        try fetchAll(db, sql: """
            SELECT c.* FROM school_confirmation c
            WHERE c.id = (SELECT max(c2.id) FROM school_confirmation c2
                          WHERE c2.resident_id = c.resident_id AND substr(c2.confirmed_at, 1, 10) <= ?)
              AND NOT EXISTS (SELECT 1 FROM school_term_row t
                              WHERE t.resident_id = c.resident_id AND t.file_id > coalesce(c.after_file_id, 0))
            """, arguments: [asOf])
    }
}

extension DerivableRequest<SchoolConfirmationRecord> {
    /// A person's confirmations, the newest first.
    public func filter(resident id: Int64) -> Self {
        filter(Column(SchoolConfirmationRecord.CodingKeys.residentID) == id).order(Column(SchoolConfirmationRecord.CodingKeys.id).desc)
    }
}
