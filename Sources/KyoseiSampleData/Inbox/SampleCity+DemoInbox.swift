import Foundation
import KyoseiDomain

extension SampleCity {
    /// Fills an inbox for `kyosei demo`: a snapshot (sequence 1), three deltas (2–4, the last
    /// with one row of every kind of bad value) and a transfer that broke off (sequence 5, a
    /// truncated CSV whose manifest describes the full file, to be refused whole).
    @discardableResult
    public static func writeDemoInbox(to directory: URL, residents: Int, seed: UInt64,
                                      municipality: MunicipalityCode, asOf: LocalDate) throws -> DemoInboxSummary {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let city = SampleCity(residents: residents, seed: seed, municipality: municipality, asOf: asOf)
        var files = [try city.writeSnapshot(to: directory, sequence: 1)]
        files += try city.writeDeltas(to: directory, count: 2, firstSequence: 2)
        files.append(try city.writeDelta(number: 3, to: directory, sequence: 4,
                                         options: RegisterFileOptions(rowFaults: RowFault.allCases)))
        files.append(try city.writeFaultyFile(.truncated, to: directory, snapshotSequence: 1, appliedDeltas: 3))
        return DemoInboxSummary(directory: directory, files: files)
    }
}
