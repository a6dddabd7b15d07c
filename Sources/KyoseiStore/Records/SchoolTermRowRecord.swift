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

    public enum Columns {
        public static let studentID = Column(CodingKeys.studentID)
        public static let residentID = Column(CodingKeys.residentID)
        public static let schoolYear = Column(CodingKeys.schoolYear)
        public static let term = Column(CodingKeys.term)
        public static let daysAbsent = Column(CodingKeys.daysAbsent)
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

extension SchoolTermRowRecord {
    /// Rows of terms a roster could have reported by `term` of the school year starting in
    /// `year`: that term, the year's earlier terms, and every earlier year.
    private static func reported(by year: Int, _ term: SchoolTerm) -> SQLExpression {
        Columns.schoolYear < year || (Columns.schoolYear == year && Columns.term <= term.rawValue)
    }

    /// The latest school year and term any roster reported by `term` of `year`.
    public static func latestTerm(reportedBy year: Int, _ term: SchoolTerm, in db: Database) throws -> (year: Int, term: SchoolTerm)? {
        guard let row = try filter(reported(by: year, term)).select(Columns.schoolYear, Columns.term)
            .order(Columns.schoolYear.desc, Columns.term.desc).asRequest(of: Row.self).fetchOne(db),
            let stated = SchoolTerm(rawValue: row[Columns.term])
        else { return nil }
        return (row[Columns.schoolYear], stated)
    }

    /// The rows of one term linked to a resident (only `resident`'s when given), in the order
    /// they were first written.
    public static func linked(in year: Int, _ term: SchoolTerm, resident: Int64? = nil) -> QueryInterfaceRequest<SchoolTermRowRecord> {
        var request = filter(Columns.residentID != nil && Columns.schoolYear == year && Columns.term == term.rawValue)
        if let resident { request = request.filter(Columns.residentID == resident) }
        return request.order(Column.rowID)
    }

    /// Days each resident was absent in the school year starting in `year`, over its terms up to
    /// `term`.
    public static func daysAbsent(in year: Int, upTo term: SchoolTerm, in db: Database) throws -> [Int64: Int] {
        let days = sum(Columns.daysAbsent).forKey("days")
        let rows = try filter(Columns.residentID != nil && Columns.schoolYear == year && reported(by: year, term))
            .select(Columns.residentID, days).group(Columns.residentID).asRequest(of: Row.self).fetchAll(db)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[Columns.residentID] as Int64, $0["days"] as Int) })
    }
}

extension SchoolTermRowRecord {
    /// A registered resident's days absent over one school year's rows.
    public struct YearAbsence: Decodable, FetchableRecord, Sendable {
        public var residentID: Int64
        public var schoolYear: Int
        public var days: Int
        public var districtCode: String?

        enum CodingKeys: String, CodingKey {
            case days
            case residentID = "resident_id"
            case schoolYear = "school_year"
            case districtCode = "district_code"
        }
    }

    /// Each registered resident's school years with `days` or more days absent over their terms.
    public static func yearAbsences(atLeast days: Int, in db: Database) throws -> RecordCursor<YearAbsence> {
        try YearAbsence.fetchCursor(db, sql: """
            SELECT t.resident_id, t.school_year, sum(t.days_absent) AS days, r.district_code
            FROM school_term_row t JOIN resident r ON r.id = t.resident_id
            WHERE r.register_state = ?
            GROUP BY t.resident_id, t.school_year HAVING sum(t.days_absent) >= ?
            """, arguments: [RegisterState.registered, days])
    }
}

extension DerivableRequest<SchoolTermRowRecord> {
    /// A person's rows, oldest term first.
    public func filter(resident id: Int64) -> Self {
        filter(SchoolTermRowRecord.Columns.residentID == id)
            .order(SchoolTermRowRecord.Columns.schoolYear, SchoolTermRowRecord.Columns.term, Column.rowID)
    }
}
