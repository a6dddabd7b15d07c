import Foundation
import KyoseiDomain
import KyoseiIntake

/// The one routine every register file goes through: header, rows (with any requested bad
/// rows put in), SHA-256 and row count as written, then the manifest.
struct RegisterFileBuilder {
    /// Hands one row to the file: the resident as they stand, and the event for a delta.
    typealias Emit = (SampleResident, RegisterEvent?, LocalDate?) throws -> Void

    struct Result {
        let csvURL: URL
        let manifestURL: URL
        var manifest: RegisterManifest
        let rejects: [ExpectedReject]
        let events: [RegisterEvent: Int]
        let byteCount: Int
    }

    let municipality: MunicipalityCode
    let directory: URL
    let kind: RegisterManifest.ExportKind
    let sequence: Int
    let asOf: LocalDate
    let options: RegisterFileOptions
    /// Roughly how many rows the file will hold, to spread the bad rows over it.
    let expectedRows: Int

    /// The nightly export runs at 03:00 Japan time and describes the register as of that day.
    static func exportTimestamp(for date: LocalDate) -> String { "\(date)T03:00:00+09:00" }

    /// Writes the CSV from the rows `produce` emits; the manifest is returned, not yet written,
    /// so a file fault can still change it.
    func write(_ produce: (Emit) throws -> Void) throws -> Result {
        let csvURL = directory.appendingPathComponent(RegisterFileName.csv(municipality: municipality, sequence: sequence))
        let manifestURL = directory.appendingPathComponent(
            RegisterFileName.manifest(municipality: municipality, sequence: sequence))
        let writer = try RegisterCSVWriter(url: csvURL, options: options)
        try writer.write(kind == .delta ? RegisterColumns.delta : RegisterColumns.snapshot)
        var injector = RowFaultInjector(options.rowFaults, expectedRows: expectedRows, asOf: asOf,
                                        municipality: municipality)
        var rejects: [ExpectedReject] = []
        var events: [RegisterEvent: Int] = [:]
        var record = 0
        try produce { resident, event, eventDate in
            record += 1
            var fields = RegisterRow.fields(resident, municipality: municipality, event: event, eventDate: eventDate)
            let fault = injector.apply(to: &fields, resident: resident, record: record)
            let line = try writer.write(fields)
            if let fault {
                rejects.append(ExpectedReject(line: line, record: record, personID: resident.personID.rawValue, fault: fault))
            }
            if let event { events[event, default: 0] += 1 }
        }
        let sha256 = try writer.finish()
        let manifest = try RegisterManifest(
            municipalityCode: municipality, kind: kind, sequence: sequence,
            asOf: Self.exportTimestamp(for: asOf), rowCount: writer.rowCount, sha256: sha256)
        return Result(csvURL: csvURL, manifestURL: manifestURL, manifest: manifest, rejects: rejects, events: events,
                      byteCount: writer.byteCount)
    }
}

extension RegisterFileBuilder.Result {
    /// Writes the manifest and describes the pair.
    func finish(outcome: ExpectedOutcome? = nil, fault: FileFault? = nil,
                changes: SnapshotChanges? = nil) throws -> WrittenRegisterFile {
        try manifest.jsonData().write(to: manifestURL)
        return WrittenRegisterFile(
            csvURL: csvURL, manifestURL: manifestURL, manifest: manifest,
            expectedOutcome: outcome ?? (rejects.isEmpty ? .applied : .appliedWithRejects(rejects.count)),
            rejects: rejects, fault: fault, events: events, changes: changes)
    }
}
