import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiSampleData
import KyoseiServices
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Issue 9's benchmark: on a database loaded with a synthetic city's snapshot, write an
/// employment file about that city's residents and time its import (peak memory: run it under
/// `/usr/bin/time -f %M`).
struct EmploymentImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "employment",
        abstract: "Rows per second of `import employment` on a loaded city.")

    @Option(help: "A database loaded with the city's snapshot (the OS login must be its staff).") var db: String
    @Option(help: "Residents in the city the snapshot was written from.") var residents = 1_000_000
    @Option(help: "Random seed of that city.") var seed: UInt64 = 2012
    @Option(help: "Notifications to write (rounded down to whole rounds of every scenario).") var notifications = 200_000
    @Option(help: "Folder to write the EMP file into.") var out: String

    func run() async throws {
        let city = SampleCity(residents: residents, seed: seed, asOf: try LocalDate("2026-11-01"))
        let rounds = max(1, notifications / 16)
        let writeStart = Date()
        let file = try city.writeEmploymentFile(to: URL(fileURLWithPath: out), date: try LocalDate("2026-11-20"), rounds: rounds)
        print(String(format: "wrote %@ (%d scenario lines) in %.1f s", file.fileName, file.lines.count, Date().timeIntervalSince(writeStart)))
        let context = try Startup.open(
            databasePath: db, settings: Settings(municipalityCode: SampleCity.hamamatsu), clock: KyoseiClock(), logger: Logger(label: "bench"))
        let staff = try context.staffMember(login: String(cString: getpwuid(geteuid())!.pointee.pw_name))
        let start = Date()
        let outcome = try FileImport(context: context).apply(file.path, as: .employment, by: staff)
        let seconds = Date().timeIntervalSince(start)
        print(String(format: "import employment: %d rows (%d applied, %d rejected, %d review, %d unlinked) in %.1f s = %.0f rows/s",
                     outcome.rows, outcome.applied, outcome.rejected, outcome.employment!.review, outcome.employment!.unlinked, seconds,
                     Double(outcome.rows) / seconds))
    }
}
