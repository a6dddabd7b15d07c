import KyoseiDomain
import KyoseiIntake

extension RegisterManifest {
    /// The same manifest with one value changed, to write a deliberately wrong one (a file fault).
    func altered(municipality: MunicipalityCode? = nil, rowCount: Int? = nil, sha256: String? = nil) throws -> RegisterManifest {
        try RegisterManifest(
            municipalityCode: municipality ?? municipalityCode, kind: kind, sequence: sequence, asOf: asOf,
            rowCount: rowCount ?? self.rowCount, sha256: sha256 ?? self.sha256)
    }
}
