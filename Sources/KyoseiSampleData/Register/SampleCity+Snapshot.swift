import Foundation

extension SampleCity {
    /// Writes the whole city as a snapshot (`REG-<municipality>-<sequence>.csv` and its
    /// manifest) as of `asOf`, streaming one household at a time.
    @discardableResult
    public func writeSnapshot(to directory: URL, sequence: Int = 1,
                              options: RegisterFileOptions = RegisterFileOptions()) throws -> WrittenRegisterFile {
        let builder = RegisterFileBuilder(
            municipality: municipality, directory: directory, kind: .snapshot, sequence: sequence, asOf: asOf,
            options: options, expectedRows: residents)
        return try builder.write { emit in
            try forEachResident { try emit($0, nil, nil) }
        }.finish()
    }
}
