import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiSampleData

/// Writes the insurance roster of the benchmark city (same seed and date as `generate`) and
/// its truth, for `Scripts/bench-match.sh` to import through the real CLI and score.
struct RosterFile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "Write an NHI roster of the synthetic city and truth.csv (member_number,person_id).")

    @Option(help: "Residents in the city (as given to generate).") var residents = 1_000_000
    @Option(help: "Random seed (as given to generate).") var seed: UInt64 = 2012
    @Option(help: "Share of residents on the roster.") var share = 0.95
    @Option(help: "Rows for people who are not residents, per resident.") var nonResidents = 0.05
    @Option(help: "Folder to write into.") var out: String

    func run() async throws {
        let city = SampleCity(residents: residents, seed: seed, asOf: try LocalDate("2026-11-01"))
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let start = Date()
        let roster = try city.writeInsuranceRoster(
            to: folder, scheme: .nhi, source: "CITY", date: try LocalDate("2026-11-15"), share: share, nonResidentShare: nonResidents)
        var truth = "member_number,person_id\n"
        for (member, person) in roster.truth.sorted(by: { $0.key < $1.key }) { truth += "\(member),\(person?.rawValue ?? "")\n" }
        try truth.write(to: folder.appendingPathComponent("truth.csv"), atomically: true, encoding: .utf8)
        print(String(format: "wrote %@ (%d rows) in %.1f s", roster.csvURL.path, roster.rowCount, Date().timeIntervalSince(start)))
    }
}
