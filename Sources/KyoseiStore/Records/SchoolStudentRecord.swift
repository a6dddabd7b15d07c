import GRDB
import KyoseiDomain

/// A child as one school knows them (school code and student number, stable from term to term),
/// and the resident the identity resolver or the review desk linked them to, if any.
public struct SchoolStudentRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "school_student"

    public var id: Int64?
    public var schoolCode: String
    public var studentNumber: String
    public var residentID: Int64?
    public var matchOutcome: LinkOutcome
    public var matchScore: Double?
    public var nameLatin: String?
    public var nameKana: String?
    public var birthDate: LocalDate
    public var sex: Sex
    public var residenceCardNumber: ResidenceCardNumber?
    public var firstFileID: Int64
    public var lastFileID: Int64

    public init(id: Int64? = nil, schoolCode: String, studentNumber: String, residentID: Int64?, matchOutcome: LinkOutcome,
                matchScore: Double?, nameLatin: String?, nameKana: String?, birthDate: LocalDate, sex: Sex,
                residenceCardNumber: ResidenceCardNumber?, firstFileID: Int64, lastFileID: Int64) {
        self.id = id
        self.schoolCode = schoolCode
        self.studentNumber = studentNumber
        self.residentID = residentID
        self.matchOutcome = matchOutcome
        self.matchScore = matchScore
        self.nameLatin = nameLatin
        self.nameKana = nameKana
        self.birthDate = birthDate
        self.sex = sex
        self.residenceCardNumber = residenceCardNumber
        self.firstFileID = firstFileID
        self.lastFileID = lastFileID
    }

    enum CodingKeys: String, CodingKey {
        case id, sex
        case schoolCode = "school_code"
        case studentNumber = "student_number"
        case residentID = "resident_id"
        case matchOutcome = "match_outcome"
        case matchScore = "match_score"
        case nameLatin = "name_latin"
        case nameKana = "name_kana"
        case birthDate = "birth_date"
        case residenceCardNumber = "residence_card_number"
        case firstFileID = "first_file_id"
        case lastFileID = "last_file_id"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let schoolCode = Column(CodingKeys.schoolCode)
        public static let studentNumber = Column(CodingKeys.studentNumber)
        public static let residentID = Column(CodingKeys.residentID)
        public static let matchOutcome = Column(CodingKeys.matchOutcome)
        public static let matchScore = Column(CodingKeys.matchScore)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Every student's link and nothing else (id, school, number, resident, outcome, score): a
    /// roster loads them once to look its rows up in memory, and whole records would decode the
    /// names and dates of every child for nothing.
    public static func links() -> QueryInterfaceRequest<Row> {
        select(Columns.id, Columns.schoolCode, Columns.studentNumber, Columns.residentID, Columns.matchOutcome,
               Columns.matchScore).asRequest(of: Row.self)
    }

    /// Inserts the student as a roster first names them. Cached: every roster row may add one.
    public mutating func insertCached(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO school_student (school_code, student_number, resident_id, match_outcome, match_score, name_latin,
                name_kana, birth_date, sex, residence_card_number, first_file_id, last_file_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [schoolCode, studentNumber, residentID, matchOutcome, matchScore, nameLatin, nameKana,
                                     birthDate, sex, residenceCardNumber, firstFileID, lastFileID])
        id = db.lastInsertedRowID
    }

    /// Writes what a later roster states of the student. A roster without a card number keeps
    /// the one on file, and the roster that first named them stays the first. Cached: every
    /// roster row updates one.
    public func updateStated(_ db: Database) throws {
        guard let id else { throw DatabaseError(message: "cannot update a school student that has no id") }
        try db.cachedStatement(sql: """
            UPDATE school_student SET resident_id = ?, match_outcome = ?, match_score = ?, name_latin = ?, name_kana = ?,
                birth_date = ?, sex = ?, residence_card_number = coalesce(?, residence_card_number), last_file_id = ?
            WHERE id = ?
            """).execute(arguments: [residentID, matchOutcome, matchScore, nameLatin, nameKana, birthDate, sex,
                                     residenceCardNumber, lastFileID, id])
    }
}

extension SchoolStudentRecord {
    /// Staff confirmed student `id` as `resident` at the review desk: the student and the term
    /// rows they brought point at them, and the next roster keeps the link.
    public static func confirm(_ id: String, as resident: Int64, in db: Database) throws {
        try filter(key: id).updateAll(db, Columns.residentID.set(to: resident), Columns.matchOutcome.set(to: LinkOutcome.confirmed))
        try SchoolTermRowRecord.filter(SchoolTermRowRecord.Columns.studentID == id)
            .updateAll(db, SchoolTermRowRecord.Columns.residentID.set(to: resident))
    }

    /// Staff refused every candidate for student `id`: they stay unmatched.
    public static func unlink(_ id: String, in db: Database) throws {
        try filter(key: id).updateAll(db, Columns.residentID.set(to: nil), Columns.matchOutcome.set(to: LinkOutcome.unmatched))
    }
}
