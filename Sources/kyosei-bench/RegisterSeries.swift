import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiSampleData

/// A night-after-night run of register exports for `Scripts/crash-campaign.sh`: each file has
/// the next sequence and real work in it. Full snapshots (slow enough to be killed midway)
/// alternate between the city as first described and a changed city, with nightly deltas
/// between them; every other file carries one bad row of each kind, so rejects are written too.
struct RegisterSeries: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Write register exports with sequences 1…N: a snapshot, then changed snapshots and deltas in turn.")

    @Option(help: "Residents in the city.") var residents = 20_000
    @Option(help: "Random seed.") var seed: UInt64 = 2012
    @Option(help: "Files to write.") var files = 51
    @Option(help: "Folder to write them into.") var out: String

    func run() async throws {
        let asOf = try LocalDate("2026-11-01")
        let city = SampleCity(residents: residents, seed: seed, asOf: asOf)
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for sequence in 1...files {
            let options = RegisterFileOptions(rowFaults: sequence % 2 == 0 ? RowFault.allCases : [])
            let written: WrittenRegisterFile
            switch sequence % 3 {
            case 1:
                written = try city.writeSnapshot(to: folder, sequence: sequence, options: options)
            case 2:
                written = try city.writeDelta(number: sequence, to: folder, sequence: sequence, eventsPerType: 40, options: options)
            default:
                written = try city.writeChangedSnapshot(
                    to: folder, sequence: sequence, asOf: asOf.adding(days: sequence), options: options)
            }
            print("\(written.csvURL.lastPathComponent) \(written.manifest.kind.rawValue) \(written.manifest.rowCount) rows")
        }
    }
}
