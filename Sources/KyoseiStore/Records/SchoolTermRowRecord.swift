import GRDB
import KyoseiDomain

/// What a term's school roster said of one student: one row per student, school year and term,
/// replaced when the term is sent again.
public struct SchoolTermRowRecord: Codable, FetchableRecord, TableRecord, Sendable, Equatable {
    public static let databaseTableName = "school_term_row"

    public var studentID: Int64
    public var residentID: Int64?
    public var schoolYear: Int
    public var term: SchoolTerm
    public var schoolName: String
    public var schoolType: SchoolType
    public var grade: Int
    public var daysInTerm: Int
    public var daysAbsent: Int
    public var japaneseSupport: Bool
    public var status: SchoolEnrolmentStatus
    /// The roster that last stated it.
    public var fileID: Int64

    public init(studentID: Int64, residentID: Int64?, schoolYear: Int, term: SchoolTerm, schoolName: String, schoolType: SchoolType,
                grade: Int, daysInTerm: Int, daysAbsent: Int, japaneseSupport: Bool, status: SchoolEnrolmentStatus, fileID: Int64) {
        self.studentID = studentID
        self.residentID = residentID
        self.schoolYear = schoolYear
        self.term = term
        self.schoolName = schoolName
        self.schoolType = schoolType
        self.grade = grade
        self.daysInTerm = daysInTerm
        self.daysAbsent = daysAbsent
        self.japaneseSupport = japaneseSupport
        self.status = status
        self.fileID = fileID
    }

    enum CodingKeys: String, CodingKey {
        case term, grade, status
        case studentID = "student_id"
        case residentID = "resident_id"
        case schoolYear = "school_year"
        case schoolName = "school_name"
        case schoolType = "school_type"
        case daysInTerm = "days_in_term"
        case daysAbsent = "days_absent"
        case japaneseSupport = "japanese_support"
        case fileID = "file_id"
    }

    /// The fields a roster states, by column, as text: what the history compares and keeps.
    public var statedFields: [(field: String, value: String)] {
        [("school_name", schoolName), ("school_type", schoolType.rawValue), ("grade", String(grade)),
         ("days_in_term", String(daysInTerm)), ("days_absent", String(daysAbsent)),
         ("japanese_support", japaneseSupport ? "1" : "0"), ("status", status.rawValue)]
    }

    /// The row this student has for the term, if a roster gave one. Cached: every roster row asks.
    public static func find(student: Int64, year: Int, term: SchoolTerm, in db: Database) throws -> SchoolTermRowRecord? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM school_term_row WHERE student_id = ? AND school_year = ? AND term = ?"),
                     arguments: [student, year, term.rawValue])
    }

    /// Writes the row, replacing what an earlier roster of the same term said.
    public func save(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO school_term_row (student_id, resident_id, school_year, term, school_name, school_type, grade,
                days_in_term, days_absent, japanese_support, status, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (student_id, school_year, term) DO UPDATE SET resident_id = excluded.resident_id,
                school_name = excluded.school_name, school_type = excluded.school_type, grade = excluded.grade,
                days_in_term = excluded.days_in_term, days_absent = excluded.days_absent,
                japanese_support = excluded.japanese_support, status = excluded.status, file_id = excluded.file_id
            """).execute(arguments: [studentID, residentID, schoolYear, term.rawValue, schoolName, schoolType.rawValue, grade,
                                     daysInTerm, daysAbsent, japaneseSupport, status.rawValue, fileID])
    }
}

extension DerivableRequest<SchoolTermRowRecord> {
    /// A person's rows, oldest term first.
    public func filter(resident id: Int64) -> Self {
        filter(Column(SchoolTermRowRecord.CodingKeys.residentID) == id)
            .order(Column(SchoolTermRowRecord.CodingKeys.schoolYear), Column(SchoolTermRowRecord.CodingKeys.term), Column.rowID)
    }
}
