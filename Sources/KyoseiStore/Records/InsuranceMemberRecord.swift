import GRDB
import KyoseiDomain

/// A person as one insurer knows them (its member number is stable), and the resident the
/// identity resolver linked them to, if any.
public struct InsuranceMemberRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "insurance_member"

    public var id: Int64?
    public var scheme: InsuranceScheme
    public var source: String
    public var insurerNumber: String
    public var memberNumber: String
    public var residentID: Int64?
    /// MATCHED, REVIEW, UNMATCHED, or CONFIRMED by staff.
    public var matchOutcome: String
    public var matchScore: Double?
    public var nameKana: String
    public var birthDate: LocalDate
    public var sex: Sex
    public var residenceCardNumber: ResidenceCardNumber?
    public var firstFileID: Int64
    public var lastFileID: Int64

    public init(id: Int64? = nil, scheme: InsuranceScheme, source: String, insurerNumber: String, memberNumber: String,
                residentID: Int64?, matchOutcome: String, matchScore: Double?, nameKana: String, birthDate: LocalDate,
                sex: Sex, residenceCardNumber: ResidenceCardNumber?, firstFileID: Int64, lastFileID: Int64) {
        self.id = id
        self.scheme = scheme
        self.source = source
        self.insurerNumber = insurerNumber
        self.memberNumber = memberNumber
        self.residentID = residentID
        self.matchOutcome = matchOutcome
        self.matchScore = matchScore
        self.nameKana = nameKana
        self.birthDate = birthDate
        self.sex = sex
        self.residenceCardNumber = residenceCardNumber
        self.firstFileID = firstFileID
        self.lastFileID = lastFileID
    }

    enum CodingKeys: String, CodingKey {
        case id, scheme, source, sex
        case insurerNumber = "insurer_number"
        case memberNumber = "member_number"
        case residentID = "resident_id"
        case matchOutcome = "match_outcome"
        case matchScore = "match_score"
        case nameKana = "name_kana"
        case birthDate = "birth_date"
        case residenceCardNumber = "residence_card_number"
        case firstFileID = "first_file_id"
        case lastFileID = "last_file_id"
    }

    public enum Columns {
        public static let residentID = Column(CodingKeys.residentID)
        public static let matchOutcome = Column(CodingKeys.matchOutcome)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Staff confirmed member `id` as `resident` at the review desk: the member and the
    /// enrollments it brought point at them, and the next roster keeps the link.
    public static func confirm(_ id: String, as resident: Int64, in db: Database) throws {
        try filter(key: id).updateAll(db, Columns.residentID.set(to: resident), Columns.matchOutcome.set(to: LinkOutcome.confirmed))
        try EnrollmentRecord.filter(EnrollmentRecord.Columns.memberID == id).updateAll(db, EnrollmentRecord.Columns.residentID.set(to: resident))
    }

    /// Staff refused every candidate for member `id`: it stays unmatched.
    public static func unlink(_ id: String, in db: Database) throws {
        try filter(key: id).updateAll(db, Columns.residentID.set(to: nil), Columns.matchOutcome.set(to: LinkOutcome.unmatched))
    }
}
