import ArgumentParser
import Foundation
import GRDB
import KyoseiDomain
import KyoseiSampleData
import KyoseiServices
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Issue 5's benchmark: on a loaded city, seed cases (spread over staff, teams, types, due
/// dates), then time the queue a caseworker opens every morning, the workload figures, and a
/// rules run over the whole city.
struct CaseQueues: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Median latency of `case list --mine --overdue` and `case stats`, and the time of `rules run`.")

    @Option(help: "A database loaded with residents (the OS login must be its staff).") var db: String
    @Option(help: "Cases to seed.") var cases = 200_000
    @Option(help: "Repetitions of each query.") var runs = 40

    func run() async throws {
        let settings = Settings(municipalityCode: SampleCity.hamamatsu, districtTeams: ["D01": "east", "D05": "west", "D09": "north"])
        let context = try Startup.open(databasePath: db, settings: settings, clock: KyoseiClock(), logger: Logger(label: "bench"))
        let login = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let founder = try context.staffMember(login: login)
        let staffLogins = (1...40).map { String(format: "worker%02d", $0) }
        let today = context.clock.today
        let seedStart = Date()
        try await context.database.writer.write { db in
            for (i, name) in staffLogins.enumerated() {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO staff(login, display_name, role, team, active, is_founder, created_at, created_by)
                    VALUES (?, ?, 'caseworker', ?, 1, 0, '2026-01-01', 'bench')
                    """, arguments: [name, name, ["east", "west", "north", "counter"][i % 4]])
            }
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM resident ORDER BY random() LIMIT ?", arguments: [cases])
            let insert = try db.makeStatement(sql: """
                INSERT INTO cases(case_type, resident_id, state, priority, assignee, team, due_date, title, cause, opened_at,
                                  opened_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', 'bench', ?, 'bench', ?)
                """)
            let types = ["GENERAL", "COVERAGE_GAP", "STAY_EXPIRING", "SCHOOL_UNCONFIRMED", "LANGUAGE_REFERRAL"]
            let states = ["OPEN", "IN_PROGRESS", "WAITING", "IN_PROGRESS", "OPEN"]
            for (i, id) in ids.enumerated() {
                let opened = today.adding(days: -(i % 120))
                try insert.execute(arguments: [
                    types[i % types.count], id, states[i % states.count], 1 + i % 4, i % 3 == 0 ? nil : staffLogins[i % staffLogins.count],
                    ["east", "west", "north", "counter"][i % 4], today.adding(days: (i % 60) - 30).description,
                    "\(opened)T09:00:00.000Z", "\(opened)T09:00:00.000Z"])
            }
        }
        print(String(format: "seeded %d cases in %.1f s", cases, Date().timeIntervalSince(seedStart)))
        // The morning after: the night's rules run (timed), then the queues staff open.
        let rulesStart = Date()
        let summaries = try RulesService(context: context).run(by: founder)
        let residentCount = try await context.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM resident") ?? 0 }
        print(String(format: "rules run over %d residents: %.2f s (%@)", residentCount, Date().timeIntervalSince(rulesStart),
                     summaries.map { "\($0.rule) +\($0.raised)" }.joined(separator: ", ")))
        let worker = try context.staffMember(login: staffLogins[1])
        let service = CaseService(context: context)
        var mine = CaseFilter()
        mine.mine = true
        mine.overdue = true
        let listTimes = try measure { _ = try service.list(mine, by: worker) }
        let statsTimes = try measure { _ = try service.stats(by: founder) }
        print(String(format: "case list --mine --overdue  median %6.2f ms   p95 %6.2f ms", listTimes.median, listTimes.p95))
        print(String(format: "case stats                  median %6.2f ms   p95 %6.2f ms", statsTimes.median, statsTimes.p95))
    }

    private func measure(_ body: () throws -> Void) throws -> (median: Double, p95: Double) {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        times.sort()
        return (times[times.count / 2], times[min(times.count - 1, times.count * 95 / 100)])
    }
}
