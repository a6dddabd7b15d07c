import GRDB
import KyoseiDomain

/// What staff recorded about one person that an insurance rule needs and no partner file
/// carries: the designation under Designated Activities, public assistance, student standing.
public struct InsuranceFactRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "insurance_fact"

    public var residentID: Int64
    public var designation: Designation?
    public var publicAssistance: Bool
    /// Nil: not recorded, presumed from the status of residence.
    public var studentStanding: StudentStanding?
    public var updatedAt: String
    public var updatedBy: String

    public init(residentID: Int64, designation: Designation? = nil, publicAssistance: Bool = false,
                studentStanding: StudentStanding? = nil, updatedAt: String, updatedBy: String) {
        self.residentID = residentID
        self.designation = designation
        self.publicAssistance = publicAssistance
        self.studentStanding = studentStanding
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    enum CodingKeys: String, CodingKey {
        case designation
        case residentID = "resident_id"
        case publicAssistance = "public_assistance"
        case studentStanding = "student_standing"
        case updatedAt = "updated_at"
        case updatedBy = "updated_by"
    }
}
