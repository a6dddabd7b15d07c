import GRDB
import KyoseiDomain

/// Whether one person came to one session: one mark per session and person, the latest word
/// (by hand or from a provider's file) replacing the one before.
public struct CourseAttendanceRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "course_attendance"

    /// Where a mark came from.
    public enum Source: String, Codable, Sendable {
        /// Staff marked it (`kyosei course attend`).
        case hand = "HAND"
        /// A provider's attendance file.
        case file = "FILE"
    }

    public var sessionID: Int64
    public var residentID: Int64
    public var present: Bool
    public var source: Source
    public var recordedAt: String
    public var recordedBy: String

    public init(sessionID: Int64, residentID: Int64, present: Bool, source: Source, recordedAt: String, recordedBy: String) {
        self.sessionID = sessionID
        self.residentID = residentID
        self.present = present
        self.source = source
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    enum CodingKeys: String, CodingKey {
        case present, source
        case sessionID = "session_id"
        case residentID = "resident_id"
        case recordedAt = "recorded_at"
        case recordedBy = "recorded_by"
    }

    public enum Columns {
        public static let sessionID = Column(CodingKeys.sessionID)
        public static let residentID = Column(CodingKeys.residentID)
        public static let present = Column(CodingKeys.present)
    }

    /// Writes the mark, replacing an earlier one for the same session and person. Cached: a
    /// provider's file of a million marks writes one each.
    public func saveCached(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO course_attendance(session_id, resident_id, present, source, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id, resident_id) DO UPDATE SET present = excluded.present, source = excluded.source,
                recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
            """).execute(arguments: [sessionID, residentID, present, source.rawValue, recordedAt, recordedBy])
    }
}
