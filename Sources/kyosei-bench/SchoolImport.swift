import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiSampleData
import KyoseiServices
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Issue 8's benchmark: a roster for each term of the city's compulsory-age children imported
/// through the real service, then the MEXT figures behind `report schooling`.
struct SchoolImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "school", abstract: "Import rows/s of three term rosters, and the time of the schooling report's figures.")

    @Option(help: "A database loaded with the city's snapshot (the OS login must be its staff).") var db: String
    @Option(help: "Residents in the city the snapshot was written from.") var residents = 1_000_000
    @Option(help: "Random seed of that city.") var seed: UInt64 = 2012
    @Option(help: "Folder to write the rosters into.") var out: String

    func run() async throws {
        let city = SampleCity(residents: residents, seed: seed, asOf: try LocalDate("2026-11-01"))
        let context = try Startup.open(databasePath: db, settings: Settings(municipalityCode: SampleCity.hamamatsu),
                                       clock: KyoseiClock(), logger: Logger(label: "bench"))
        let staff = try context.staffMember(login: String(cString: getpwuid(geteuid())!.pointee.pw_name))
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for term in SchoolYear.Term.allCases {
            let roster = try city.writeSchoolRoster(to: folder, year: SchoolYear(startYear: 2026), term: term)
            let start = Date()
            let outcome = try FileImport(context: context).apply(roster.csvURL.path, as: .school, by: staff)
            let seconds = Date().timeIntervalSince(start)
            print(String(format: "school roster %@: %d rows (%d children of compulsory age) in %.2f s = %.0f rows/s; %d matched, %d review, %d unmatched",
                         term.rawValue, outcome.rows, roster.counts.children, seconds, Double(outcome.rows) / seconds,
                         outcome.roster!.matched, outcome.roster!.review, outcome.roster!.unmatched))
        }
        let start = Date()
        let figures = try SchoolingService(context: context).figures(asOf: try LocalDate("2027-03-01"), by: .nationality, staff: staff)
        print(String(format: "report schooling figures (%d groups): %.2f s", figures.count, Date().timeIntervalSince(start)))
    }
}
