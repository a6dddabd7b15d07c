import GRDB
import KyoseiDomain

/// One aggregate table as it left the city (its figures as JSON the report layer reads), kept
/// so that each later table is suppressed against it.
public struct ReportPublicationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "report_publication"

    /// The report a table belongs to; only tables of the same report count the same measures.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case population, coverage, employment, schooling, language
    }

    public var id: Int64?
    public var kind: Kind
    public var cut: String
    public var firstDay: LocalDate
    public var lastDay: LocalDate
    public var publishedAt: String
    public var publishedBy: String
    public var figures: String

    public init(id: Int64? = nil, kind: Kind, cut: String, firstDay: LocalDate, lastDay: LocalDate, publishedAt: String,
                publishedBy: String, figures: String) {
        self.id = id
        self.kind = kind
        self.cut = cut
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.figures = figures
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, cut, figures
        case firstDay = "first_day"
        case lastDay = "last_day"
        case publishedAt = "published_at"
        case publishedBy = "published_by"
    }

    public enum Columns {
        static let kind = Column(CodingKeys.kind)
        static let firstDay = Column(CodingKeys.firstDay)
        static let lastDay = Column(CodingKeys.lastDay)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DerivableRequest<ReportPublicationRecord> {
    /// The tables of `kind` that count any day from `first` to `last`, oldest first.
    public func overlapping(_ kind: ReportPublicationRecord.Kind, from first: LocalDate, to last: LocalDate) -> Self {
        typealias C = ReportPublicationRecord.Columns
        return filter(C.kind == kind.rawValue && C.firstDay <= last.description && C.lastDay >= first.description)
            .order(Column("id"))
    }
}
