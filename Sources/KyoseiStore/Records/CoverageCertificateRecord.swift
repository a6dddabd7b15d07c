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
    /// Set when staff took the certificate back; the rules no longer read it.
    public var withdrawnAt: String?
    public var withdrawnBy: String?
    public var withdrawnReason: String?

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
        case withdrawnAt = "withdrawn_at"
        case withdrawnBy = "withdrawn_by"
        case withdrawnReason = "withdrawn_reason"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The certificate as the domain rules read it under the city's agreement table; nil once
    /// withdrawn, or if the row no longer validates (an agreement corrected after it was recorded).
    public func certificate(under agreements: AgreementTable) -> CertificateOfCoverage? {
        guard withdrawnAt == nil else { return nil }
        return try? CertificateOfCoverage(country: country, from: validFrom, until: validUntil, under: agreements)
    }
}
