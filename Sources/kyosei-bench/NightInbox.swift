import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiSampleData

/// A heavy night's partner files for `Scripts/bench-nightly.sh`: the city's whole NHI ledger
/// (its monthly roster, loaded for the first time, so every member goes through the identity
/// resolver), the board of education's term roster of every compulsory-age child, and a month
/// of employment notifications, written into `<inbox>/<kind>/` beside the register export.
struct NightInbox: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "night", abstract: "Write a heavy night's insurance, school and employment files into an inbox.")

    @Option(help: "Residents in the city (as given to generate).") var residents = 1_000_000
    @Option(help: "Random seed (as given to generate).") var seed: UInt64 = 2012
    @Option(help: "Share of residents on the NHI roster.") var nhiShare = 0.55
    @Option(help: "Notifications of each employment scenario (about 15 rows each).") var employmentRounds = 150
    @Option(help: "The inbox folder.") var inbox: String

    func run() async throws {
        let city = SampleCity(residents: residents, seed: seed, asOf: try LocalDate("2026-11-01"))
        let root = URL(fileURLWithPath: inbox)
        let night = try LocalDate("2026-11-22")
        for kind in ["insurance", "school", "employment"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(kind), withIntermediateDirectories: true)
        }
        let start = Date()
        let roster = try city.writeInsuranceRoster(
            to: root.appendingPathComponent("insurance"), scheme: .nhi, source: "CITY", date: night, share: nhiShare)
        let school = try city.writeSchoolRoster(to: root.appendingPathComponent("school"), year: SchoolYear(startYear: 2026), term: .t2)
        let employment = try city.writeEmploymentFile(to: root.appendingPathComponent("employment"), date: night, rounds: employmentRounds)
        print(String(format: "wrote %@ (%d rows), %@ (%d rows), %@ (%d notifications) in %.1f s",
                     roster.csvURL.lastPathComponent, roster.rowCount, school.csvURL.lastPathComponent, school.rows,
                     employment.fileName, employment.lines.count + employment.lines(.hireThenSeparation).count,
                     Date().timeIntervalSince(start)))
    }
}
