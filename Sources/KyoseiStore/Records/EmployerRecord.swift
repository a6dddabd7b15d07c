import GRDB

/// An employer that filed at least one notification, known by its corporate number or `L` and
/// its labour-insurance number; the outreach list is built per employer.
public struct EmployerRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "employer"

    public enum Kind: String, Codable, Sendable {
        case corporate = "CORPORATE", labourInsurance = "LABOUR_INSURANCE"
    }

    public var employerID: String
    public var kind: Kind
    /// The establishment name it first filed under: the files carry no employer name.
    public var name: String
    public var firstFileID: Int64
    /// Its insured headcount (EPI insured across the enterprise) as staff recorded it; nil
    /// while not known. Decides whether its short-time employees are in the employer insurances.
    public var insuredHeadcount: Int?

    public init(employerID: String, kind: Kind, name: String, firstFileID: Int64, insuredHeadcount: Int? = nil) {
        self.employerID = employerID
        self.kind = kind
        self.name = name
        self.firstFileID = firstFileID
        self.insuredHeadcount = insuredHeadcount
    }

    enum CodingKeys: String, CodingKey {
        case kind, name
        case employerID = "employer_id"
        case firstFileID = "first_file_id"
        case insuredHeadcount = "insured_headcount"
    }
}
