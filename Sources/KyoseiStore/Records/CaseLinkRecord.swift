import GRDB

/// A record that raised a case.
public struct CaseLinkRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "case_link"
    public var caseID: Int64
    public var entity: String
    public var entityID: String

    public init(caseID: Int64, entity: String, entityID: String) {
        self.caseID = caseID
        self.entity = entity
        self.entityID = entityID
    }

    enum CodingKeys: String, CodingKey {
        case entity
        case caseID = "case_id"
        case entityID = "entity_id"
    }
}
