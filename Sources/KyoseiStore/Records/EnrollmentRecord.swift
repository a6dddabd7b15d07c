import GRDB
import KyoseiDomain

/// One period of membership in a scheme, as a roster states it.
public struct EnrollmentRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "enrollment"

    public var id: Int64?
    public var memberID: Int64
    public var residentID: Int64?
    public var scheme: InsuranceScheme
    public var memberType: String
    public var enrolledFrom: LocalDate
    public var enrolledUntil: LocalDate?
    public var agreementExempt: Bool
    public var fileID: Int64
    public var endedByFileID: Int64?

    public init(id: Int64? = nil, memberID: Int64, residentID: Int64?, scheme: InsuranceScheme, memberType: String,
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

    public func isActive(on date: LocalDate) -> Bool {
        enrolledFrom <= date && (enrolledUntil.map { date <= $0 } ?? true)
    }
}
