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
    /// CONFIRMED when staff decided it at the review desk.
    public var matchOutcome: LinkOutcome
    public var matchScore: Double?
    public var nameKana: String
    public var birthDate: LocalDate
    public var sex: Sex
    public var residenceCardNumber: ResidenceCardNumber?
    public var firstFileID: Int64
    public var lastFileID: Int64

    public init(id: Int64? = nil, scheme: InsuranceScheme, source: String, insurerNumber: String, memberNumber: String,
                residentID: Int64?, matchOutcome: LinkOutcome, matchScore: Double?, nameKana: String, birthDate: LocalDate,
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
        public static let id = Column(CodingKeys.id)
        public static let scheme = Column(CodingKeys.scheme)
        public static let source = Column(CodingKeys.source)
        public static let insurerNumber = Column(CodingKeys.insurerNumber)
        public static let memberNumber = Column(CodingKeys.memberNumber)
        public static let residentID = Column(CodingKeys.residentID)
        public static let matchOutcome = Column(CodingKeys.matchOutcome)
        public static let matchScore = Column(CodingKeys.matchScore)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The links of every member one source has given (id, insurer, number, resident, outcome,
    /// score) and nothing else: a roster loads them once to look its rows up in memory, and
    /// whole records would decode a million names and dates for nothing.
    public static func links(scheme: InsuranceScheme, source: String) -> QueryInterfaceRequest<Row> {
        filter(Columns.scheme == scheme && Columns.source == source)
            .select(Columns.id, Columns.insurerNumber, Columns.memberNumber, Columns.residentID, Columns.matchOutcome,
                    Columns.matchScore)
            .asRequest(of: Row.self)
    }

    /// Inserts the member as a roster first names them. Cached: every roster row may add one.
    public mutating func insertCached(_ db: Database) throws {
        try db.runCached("""
            INSERT INTO insurance_member (scheme, source, insurer_number, member_number, resident_id, match_outcome,
                match_score, name_kana, birth_date, sex, residence_card_number, first_file_id, last_file_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) {
            $0.code(scheme)
            $0.text(source)
            $0.text(insurerNumber)
            $0.text(memberNumber)
            bindStated(&$0)
            $0.integer(firstFileID)
            $0.integer(lastFileID)
        }
        id = db.lastInsertedRowID
    }

    /// Writes what a later roster states of the member. A roster without a card number keeps the
    /// one on file, and the roster that first named them stays the first. Cached: every roster
    /// row updates one.
    public func updateStated(_ db: Database) throws {
        guard let id else { throw DatabaseError(message: "cannot update an insurance member that has no id") }
        try db.runCached("""
            UPDATE insurance_member SET resident_id = ?, match_outcome = ?, match_score = ?, name_kana = ?, birth_date = ?,
                sex = ?, residence_card_number = coalesce(?, residence_card_number), last_file_id = ? WHERE id = ?
            """) {
            bindStated(&$0)
            $0.integer(lastFileID)
            $0.integer(id)
        }
    }

    /// What each roster states of the member, in the order both statements take it.
    private func bindStated(_ binder: inout SQLiteBinder) {
        binder.integer(residentID)
        binder.code(matchOutcome)
        binder.real(matchScore)
        binder.text(nameKana)
        binder.stored(birthDate)
        binder.code(sex)
        binder.stored(residenceCardNumber)
    }

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
