import GRDB
import KyoseiDomain

/// A certificate of coverage staff recorded for a seconded worker, with its period.
public struct CoverageCertificateRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "coverage_certificate"

    public var id: Int64?
    public var residentID: Int64
    public var country: Nationality
    public var validFrom: LocalDate
    public var validUntil: LocalDate
    public var recordedAt: String
    public var recordedBy: String

    public init(id: Int64? = nil, residentID: Int64, certificate: CertificateOfCoverage, recordedAt: String, recordedBy: String) {
        self.id = id
        self.residentID = residentID
        country = certificate.country
        validFrom = certificate.from
        validUntil = certificate.until
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    enum CodingKeys: String, CodingKey {
        case id, country
        case residentID = "resident_id"
        case validFrom = "valid_from"
        case validUntil = "valid_until"
        case recordedAt = "recorded_at"
        case recordedBy = "recorded_by"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The certificate as the domain rules read it; nil if the row no longer validates (an
    /// agreement table corrected after it was recorded).
    public var certificate: CertificateOfCoverage? {
        try? CertificateOfCoverage(country: country, from: validFrom, until: validUntil)
    }
}
