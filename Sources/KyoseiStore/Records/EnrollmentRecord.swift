import GRDB
import KyoseiDomain

/// One period of membership in a scheme, as a roster states it.
public struct EnrollmentRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "enrollment"

    public var id: Int64?
    public var memberID: Int64
    public var residentID: Int64?
    public var scheme: InsuranceScheme
    public var memberType: InsuranceMemberType
    public var enrolledFrom: LocalDate
    public var enrolledUntil: LocalDate?
    public var agreementExempt: Bool
    public var fileID: Int64
    public var endedByFileID: Int64?

    public init(id: Int64? = nil, memberID: Int64, residentID: Int64?, scheme: InsuranceScheme, memberType: InsuranceMemberType,
                enrolledFrom: LocalDate, enrolledUntil: LocalDate?, agreementExempt: Bool, fileID: Int64,
                endedByFileID: Int64? = nil) {
        self.id = id
        self.memberID = memberID
        self.residentID = residentID
        self.scheme = scheme
        self.memberType = memberType
        self.enrolledFrom = enrolledFrom
        self.enrolledUntil = enrolledUntil
        self.agreementExempt = agreementExempt
        self.fileID = fileID
        self.endedByFileID = endedByFileID
    }

    enum CodingKeys: String, CodingKey {
        case id, scheme
        case memberID = "member_id"
        case residentID = "resident_id"
        case memberType = "member_type"
        case enrolledFrom = "enrolled_from"
        case enrolledUntil = "enrolled_until"
        case agreementExempt = "agreement_exempt"
        case fileID = "file_id"
        case endedByFileID = "ended_by_file_id"
    }

    public enum Columns {
        public static let memberID = Column(CodingKeys.memberID)
        public static let residentID = Column(CodingKeys.residentID)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Writes the enrollment as a roster states it: one per member and start date, so a roster's
    /// row replaces what an earlier one said of that period, and a period listed again is no
    /// longer ended. Cached: every roster row writes one.
    /// A member the roster lists for the first time has no enrollment yet, and `new` inserts it
    /// plainly. An upsert's update may fail after writing (a foreign key), so SQLite first copies
    /// each page it touches to a statement journal, which after one large statement stays a
    /// temporary file until the transaction ends: a first roster of 958,115 rows at 1,000,000
    /// residents wrote 14.8 GB for a change of 0.5 GB, and spent 9-10 s of its 73-87 s on it.
    public func upsertStated(new: Bool, _ db: Database) throws {
        try db.runCached(new ? Self.insertSQL : Self.upsertSQL) {
            $0.integer(memberID)
            $0.integer(residentID)
            $0.code(scheme)
            $0.code(memberType)
            $0.stored(enrolledFrom)
            $0.stored(enrolledUntil)
            $0.flag(agreementExempt)
            $0.integer(fileID)
        }
    }

    private static let insertSQL = """
        INSERT INTO enrollment (member_id, resident_id, scheme, member_type, enrolled_from, enrolled_until,
            agreement_exempt, file_id, ended_by_file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)
        """
    private static let upsertSQL = insertSQL + """

        ON CONFLICT (member_id, enrolled_from) DO UPDATE SET resident_id = excluded.resident_id,
            member_type = excluded.member_type, enrolled_until = excluded.enrolled_until,
            agreement_exempt = excluded.agreement_exempt, file_id = excluded.file_id, ended_by_file_id = NULL
        """

    /// Enrollments of one source's members still open after `date`: what the source listed until
    /// now, against which a roster's endings are weighed.
    public static func openCount(scheme: InsuranceScheme, source: String, after date: LocalDate, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) \(openFrom)", arguments: [date, scheme, source]) ?? 0
    }

    /// The open enrollments of one source's members that roster `fileID` (as of `date`) did not
    /// list, as `resident_id, entity_id, old_value` rows for the history, which records each
    /// ending before `endUnlisted` writes it.
    public static func unlisted(scheme: InsuranceScheme, source: String, on date: LocalDate, byFile fileID: Int64)
        -> (sql: String, arguments: StatementArguments) {
        ("SELECT resident_id, id AS entity_id, enrolled_until AS old_value \(unlistedFrom) AND resident_id IS NOT NULL",
         [date, scheme, source, fileID])
    }

    /// Ends on `date` every open enrollment of one source's members that roster `fileID` did not
    /// list; returns how many.
    public static func endUnlisted(scheme: InsuranceScheme, source: String, on date: LocalDate, byFile fileID: Int64,
                                   in db: Database) throws -> Int {
        try db.execute(sql: "UPDATE enrollment SET enrolled_until = ?, ended_by_file_id = ? WHERE rowid IN (SELECT rowid \(unlistedFrom))",
                       arguments: [date, fileID, date, scheme, source, fileID])
        return db.changesCount
    }

    private static let openFrom = """
        FROM enrollment WHERE (enrolled_until IS NULL OR enrolled_until > ?)
          AND member_id IN (SELECT id FROM insurance_member WHERE scheme = ? AND source = ?)
        """
    private static let unlistedFrom = openFrom + " AND file_id <> ?"

    public func isActive(on date: LocalDate) -> Bool {
        enrolledFrom <= date && (enrolledUntil.map { date <= $0 } ?? true)
    }
}
