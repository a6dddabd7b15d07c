import Foundation
import KyoseiIntake
import KyoseiDomain

extension SampleCity {
    /// Writes a broken or awkward file for intake to deal with, in the position it would arrive:
    /// after the snapshot `snapshotSequence` and `appliedDeltas` deltas written with
    /// `writeDeltas(…, firstSequence: snapshotSequence + 1, eventsPerType:)`. Use the same
    /// `eventsPerType` as those deltas, so a replay is byte for byte the applied file.
    @discardableResult
    public func writeFaultyFile(_ fault: FileFault, to directory: URL, snapshotSequence: Int = 1,
                                appliedDeltas: Int, eventsPerType: Int = 3) throws -> WrittenRegisterFile {
        let last = snapshotSequence + appliedDeltas
        let next = appliedDeltas + 1
        func delta(_ number: Int, sequence: Int, variant: UInt64 = 0,
                   options: RegisterFileOptions = RegisterFileOptions()) throws -> RegisterFileBuilder.Result {
            try deltaFile(number: number, variant: variant, to: directory, sequence: sequence,
                          eventsPerType: eventsPerType, options: options)
        }
        switch fault {
        case .truncated:
            let file = try delta(next, sequence: last + 1)
            let bytes = try Data(contentsOf: file.csvURL)
            // Cut in the middle of a row but just after a comma, so the short file still decodes
            // and what fails is the checksum, as when a transfer breaks off.
            let cut = bytes.prefix(bytes.count * 2 / 3).lastIndex(of: 0x2C).map { $0 + 1 } ?? bytes.count / 2
            try bytes.prefix(cut).write(to: file.csvURL)
            return try file.finish(outcome: .refused(.checksumMismatch), fault: fault)
        case .wrongChecksum:
            var file = try delta(next, sequence: last + 1)
            let first = file.manifest.sha256.first == "0" ? "1" : "0"
            file.manifest = try file.manifest.altered(sha256: first + file.manifest.sha256.dropFirst())
            return try file.finish(outcome: .refused(.checksumMismatch), fault: fault)
        case .wrongRowCount:
            var file = try delta(next, sequence: last + 1)
            file.manifest = try file.manifest.altered(rowCount: file.manifest.rowCount + 2)
            return try file.finish(outcome: .refused(.rowCountMismatch), fault: fault)
        case .wrongMunicipality:
            var file = try delta(next, sequence: last + 1)
            file.manifest = try file.manifest.altered(
                municipality: MunicipalityCode(municipality.rawValue == "232114" ? "221309" : "232114"))
            return try file.finish(outcome: .refused(.municipalityMismatch), fault: fault)
        case .sequenceGap:
            let file = try delta(next + 1, sequence: last + 2)
            return try file.finish(outcome: .refused(.sequenceGap(missing: last + 1)), fault: fault)
        case .replay:
            guard appliedDeltas > 0 else {
                let file = try writeSnapshot(to: directory, sequence: snapshotSequence)
                return file.with(outcome: .alreadyApplied, fault: fault)
            }
            let file = try delta(appliedDeltas, sequence: last)
            return try file.finish(outcome: .alreadyApplied, fault: fault)
        case .conflictingResend:
            guard appliedDeltas > 0 else {
                let file = try writeChangedSnapshot(to: directory, sequence: snapshotSequence, asOf: asOf)
                return file.with(outcome: .refused(.sequenceConflict), fault: fault)
            }
            let file = try delta(appliedDeltas, sequence: last, variant: 1)
            return try file.finish(outcome: .refused(.sequenceConflict), fault: fault)
        case .shiftJIS:
            let file = try delta(next, sequence: last + 1, options: RegisterFileOptions(encoding: .cp932))
            return try file.finish(outcome: .applied, fault: fault)
        }
    }
}

extension WrittenRegisterFile {
    func with(outcome: ExpectedOutcome, fault: FileFault) -> WrittenRegisterFile {
        WrittenRegisterFile(csvURL: csvURL, manifestURL: manifestURL, manifest: manifest, expectedOutcome: outcome,
                            rejects: rejects, fault: fault, events: events, changes: changes)
    }
}
