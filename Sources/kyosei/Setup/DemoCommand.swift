import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiReports
import KyoseiSampleData
import KyoseiServices

/// The README's first command: a synthetic Alliance city whose partners send their files over
/// several nights, the nightly job's own service applying each night's inboxes, and then the
/// coverage table of the Alliance's 2012 survey, measured by the city itself.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a synthetic city, run the nightly job over several nights of files, print the city's coverage beside the 2012 survey.",
        discussion: """
            Creates DIR/kyosei.sqlite with you as its first administrator, registers a few walk-ins at \
            the counter, then runs \(SampleCity.demoNights) nights: each night's files are written into \
            DIR/inbox/<kind> (register snapshot and deltas, insurance, school and employment rosters, a \
            file with bad rows, a transfer that broke off) and applied by the same service as \
            `kyosei nightly run`, which prints the morning summary. Last, the social-insurance \
            coverage the city measures, beside the Alliance's 2012 survey of Latin-American residents. \
            Run it again to start over.
            Example:
              kyosei demo --dir /tmp/kyosei-demo --residents 5000
            """
    )

    @Option(help: "Folder for the demo (an earlier demo there is replaced).") var dir = "kyosei-demo"
    @Option(help: "Residents in the synthetic city.") var residents = 3000
    @Option(help: "Random seed: the same seed writes the same city.") var seed: UInt64 = 2012
    @Option(name: .long, help: "A configuration file (JSON) overriding the built-in defaults.") var config: String?

    func validate() throws {
        guard (100...2_000_000).contains(residents) else {
            throw ArgumentParser.ValidationError("--residents must be between 100 and 2,000,000.")
        }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: dir)
        let inbox = root.appendingPathComponent("inbox")
        let archive = root.appendingPathComponent("archive")
        for old in ["kyosei.sqlite", "kyosei.sqlite-wal", "kyosei.sqlite-shm", "kyosei.sqlite.audit-spool", "inbox", "archive"] {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(old))
        }
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let environment = try await CommandEnvironment.load(configFile: config)
        let municipality = environment.settings.municipalityCode
        let asOf = environment.clock.today.adding(days: -(SampleCity.demoNights + 3))
        let city = SampleCity(residents: residents, seed: seed, municipality: municipality, asOf: asOf)
        let login = CommandEnvironment.osLogin()
        let path = root.appendingPathComponent("kyosei.sqlite").path

        let counter = try Startup.initialize(
            databasePath: path, settings: environment.settings, founder: login, displayName: "Demo administrator",
            clock: Self.clock(at: asOf, hour: 9), logger: environment.logger)
        let staff = try counter.staffMember(login: login)
        print("A synthetic city of \(residents) residents (municipality \(municipality)) in \(root.path).")
        print("Created \(path); \(login) is its first administrator.")

        let walkIns = city.walkIns()
        print("\nAt the counter, staff register \(walkIns.walkIns.count) people the register does not show yet:")
        for walkIn in walkIns.walkIns {
            let record = try ResidentService(context: counter).create(
                ResidentDraft(nameLatin: walkIn.nameLatin, nameKana: walkIn.nameKana, birthDate: walkIn.birthDate,
                              sex: walkIn.sex, nationality: walkIn.nationality, residenceCardNumber: walkIn.cardNumber,
                              postalCode: walkIn.postalCode, address: walkIn.address, districtCode: walkIn.districtCode),
                by: staff, reason: "walk-in at the counter (demo)")
            print("  \(record.reference)  \(record.nameLatin)")
        }

        var context = counter
        for number in 1...SampleCity.demoNights {
            let night = try city.writeDemoNight(number, inbox: inbox)
            print("\n━━ Night \(number), \(night.date): \(night.story)")
            for file in night.files { print("  inbox/\(file)") }
            // Each night runs at 02:00 on its own day, so its morning summary counts its own new cases.
            context = ServiceContext(database: counter.database, settings: environment.settings,
                                     clock: Self.clock(at: night.date, hour: 2), logger: environment.logger)
            print("$ kyosei nightly run   (what Scripts/nightly-reconcile.sh runs)\n")
            let summary = NightlyService(context: context).run(inbox: inbox.path, archive: archive.path, by: staff)
            MorningSummary.print(summary)
        }

        try printCoverage(context: context, staff: staff, minimum: environment.settings.suppressionMinimum)

        let verification = try AuditService(context: context).verify(by: staff)
        print("\nAudit log intact: \(verification.entries) entries, head \(verification.head ?? "")")
        print("Explore: KYOSEI_DB=\(path) kyosei case list | kyosei coverage gaps | kyosei rejects list | kyosei audit log")
    }

    /// The Alliance's 2012 survey of 900 Latin-American residents beside what the city measures
    /// now (read from the published, suppressed table), then the city's figures by region and
    /// by nationality.
    private func printCoverage(context: ServiceContext, staff: StaffMember, minimum: Int) throws {
        let obligations: [CoverageObligationKey] = [.health, .employment, .pension, .employer]
        let tables = try [CoverageDimension.region, .nationality].map { dimension in
            (dimension, try ReportService(context: context).table(.coverage, by: dimension.rawValue, asOf: nil, period: nil, staff: staff))
        }
        let byRegion = tables[0].1
        let latin = byRegion.rows.first { $0.label == WorldRegion.latinAmerica.rawValue }
        func measured(_ o: CoverageObligationKey) -> String {
            func cell(_ column: String) -> ReportTable.Cell {
                guard let latin, let i = byRegion.columns.firstIndex(of: "\(o) \(column)") else { return .empty }
                return latin.cells[i]
            }
            return "\(cell("share")) of \(cell("obligated"))"
        }
        print("\n━━ Social-insurance coverage: the Alliance's 2012 survey, and the city's own count now")
        Output.table(["LATIN-AMERICAN RESIDENTS", "HEALTH", "EMPLOYMENT", "PENSION", "EMPLOYER (EHI/EPI)"], [
            ["2012 Alliance survey (900 asked)", "~60%", "a little under 50%", "~30%", "not asked"],
            ["this city, measured (of obligated)"] + obligations.map(measured),
        ])
        print("Counted among the residents each obligation applies to (pension from the day before the 20th to the day")
        print("before the 60th birthday; employment insurance per job at 20+ weekly hours, full-time students outside;")
        print("employer insurance where the hours, and the employer's insured headcount (recorded by staff, or at least")
        print("the workers an EPI roster shows), bring EHI/EPI), from the partners' rosters matched across scripts;")
        print("* withheld (small numbers).\n")
        for (dimension, table) in tables {
            print("$ kyosei report coverage --by \(dimension.rawValue) --format md")
            print(String(decoding: try ReportFormat.md.render(table), as: UTF8.self))
        }
    }

    /// A fixed clock at `hour` (Japan time) on `day`.
    private static func clock(at day: LocalDate, hour: Int) -> KyoseiClock {
        .fixed(Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + (hour - 9) * 3600)))
    }
}
