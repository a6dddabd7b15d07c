import Foundation
import KyoseiDomain
import KyoseiIntake
import KyoseiSampleData
import Testing

/// The synthetic city's register files, written by another target from the spec alone, read
/// through the pipeline: every good row becomes a row, and every planted fault a reject on the
/// line the writer says, with as many reasons as it planted.
@Suite struct SampleCityIntakeTests {
    let city = SampleCity(residents: 1200, seed: 7, asOf: try! LocalDate("2026-05-01"))

    func read(_ written: WrittenRegisterFile) throws -> (rows: [RegisterRow], rejects: [Reject]) {
        let path = written.csvURL.path
        let reader = try IntakeReader(path: path, kind: RegisterKind(manifest: RegisterManifest.load(forCSV: path)))
        var rows: [RegisterRow] = [], rejects: [Reject] = []
        while let item = try reader.next() {
            switch item {
            case .row(let row, _): rows.append(row)
            case .reject(let reject): rejects.append(reject)
            }
        }
        return (rows, rejects)
    }

    @Test(arguments: [RegisterFileOptions.Encoding.utf8, .utf8WithBOM, .cp932])
    func aSnapshotWithPlantedFaultsIsReadAsPlanted(encoding: RegisterFileOptions.Encoding) throws {
        let folder = try TemporaryFolder()
        let options = RegisterFileOptions(encoding: encoding, lineEnding: encoding == .cp932 ? .crlf : .lf, rowFaults: RowFault.allCases)
        let written = try city.writeSnapshot(to: folder.url, options: options)
        let (rows, rejects) = try read(written)
        #expect(rejects.map(\.line) == written.rejectLines)
        #expect(rejects.map(\.reasons.count) == written.rejects.map(\.fault.reasonCount), "\(rejects)")
        #expect(rows.count + rejects.count == written.manifest.rowCount)
    }

    @Test func deltasCarryEveryEventWithoutRejects() throws {
        let folder = try TemporaryFolder()
        let written = try city.writeDeltas(to: folder.url, count: 3)
        var events = Set<RegisterEvent>()
        for file in written {
            let (rows, rejects) = try read(file)
            #expect(rejects.isEmpty, "\(rejects)")
            events.formUnion(rows.compactMap(\.event))
        }
        #expect(events == Set(RegisterEvent.allCases))
    }
}
