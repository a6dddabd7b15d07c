import ArgumentParser
import Foundation
import GRDB
import KyoseiDomain
import KyoseiIdentity
import KyoseiSampleData
import KyoseiServices
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Benchmarks, run by `Scripts/bench-find.sh` and `Scripts/bench-sync.sh`: figures are printed,
/// never asserted, because they depend on the machine.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kyosei-bench",
        abstract: "Write benchmark data and measure Kyosei's hot paths.",
        subcommands: [Generate.self, Find.self, CaseQueues.self, RosterFile.self, EmploymentImport.self, MatchQuality.self,
                      SchoolImport.self, RegisterSeries.self, LanguageCourses.self, NightInbox.self,
                      SuppressionTables.self, ServerLoad.self]
    )
}

struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic city's snapshot (sequence 1), a later snapshot with changed and missing rows (sequence 2) and a delta (sequence 3).")

    @Option(help: "Residents in the city.") var residents = 1_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 2012
    @Option(help: "Share of rows the second snapshot changes.") var changed = 0.02
    @Option(help: "Share of rows the second snapshot lacks.") var missing = 0.005
    @Option(help: "Rows of each event type in the delta (about 14 types).") var deltaEvents = 1_430
    @Option(help: "Folder to write first/, second/ and delta/ into.") var out: String
    @Flag(help: "Write only the first snapshot (what a roster benchmark loads); the later files take most of the time at scale.")
    var firstOnly = false

    func run() async throws {
        let asOf = try LocalDate("2026-11-01")
        let city = SampleCity(residents: residents, seed: seed, asOf: asOf)
        let first = URL(fileURLWithPath: out).appendingPathComponent("first")
        let second = URL(fileURLWithPath: out).appendingPathComponent("second")
        let delta = URL(fileURLWithPath: out).appendingPathComponent("delta")
        for folder in firstOnly ? [first] : [first, second, delta] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let start = Date()
        let a = try city.writeSnapshot(to: first, sequence: 1)
        guard !firstOnly else {
            print("wrote \(a.csvURL.path) (\(a.manifest.rowCount) rows) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
            return
        }
        let b = try city.writeChangedSnapshot(to: second, sequence: 2, asOf: try LocalDate("2026-11-22"),
                                              changedShare: changed, missingShare: missing)
        let c = try city.writeDelta(number: 1, to: delta, sequence: 3, eventsPerType: deltaEvents)
        print("wrote \(a.csvURL.path) (\(a.manifest.rowCount) rows), \(b.csvURL.path) (\(b.manifest.rowCount) rows) and \(c.csvURL.path) (\(c.manifest.rowCount) rows) in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }
}

struct Find: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Median and 95th-percentile latency of `resident find` by card number, Latin and katakana fragment.")

    @Option(help: "A database loaded with residents (the OS login must be its staff).") var db: String
    @Option(help: "Queries per kind.") var samples = 300

    func run() async throws {
        let settings = Settings(municipalityCode: SampleCity.hamamatsu)
        let context = try Startup.open(databasePath: db, settings: settings, clock: KyoseiClock(), logger: Logger(label: "bench"))
        let login = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let staff = try context.staffMember(login: login)
        let people = try context.database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT residence_card_number AS card, name_latin, name_kana FROM resident
                WHERE residence_card_number IS NOT NULL AND name_kana IS NOT NULL ORDER BY random() LIMIT ?
                """, arguments: [samples])
        }
        let residents = ResidentService(context: context)
        var queries: [(String, [String])] = [("card number", []), ("Latin fragment", []), ("katakana fragment", [])]
        for person in people {
            queries[0].1.append(person["card"])
            let tokens = NameNormalizer.latinTokens(person["name_latin"])
            queries[1].1.append("\(tokens.first!) \(tokens.last!.prefix(3))")
            let kana = NameNormalizer.foldJapanese(person["name_kana"])
            queries[2].1.append(String(kana.prefix(4)))
        }
        for (label, texts) in queries {
            var times: [Double] = []
            var found = 0
            for text in texts {
                let start = DispatchTime.now().uptimeNanoseconds
                found += try residents.find(text, by: staff, limit: 20).isEmpty ? 0 : 1
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            }
            times.sort()
            print(String(format: "find by %-18@ median %7.2f ms   p95 %7.2f ms   (%d queries, %d with results)",
                         label as NSString, times[times.count / 2], times[times.count * 95 / 100], times.count, found))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: db)[.size] as? Int) ?? 0
        let count = try await context.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM resident") ?? 0 }
        print(String(format: "database: %d residents, %.1f MB (%.0f bytes per resident)", count, Double(size) / 1_048_576,
                     Double(size) / Double(max(count, 1))))
    }
}
