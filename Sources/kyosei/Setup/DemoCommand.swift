import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiReports
import KyoseiSampleData
import KyoseiServices

/// The README's first command: a synthetic Alliance city, one night of register sync on its
/// inbox, and what the night found, in a fresh database, as one login (the one running it).
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a synthetic city, run the nightly sync, import insurance rosters, raise cases, print a coverage report.",
        discussion: """
            Writes the city's register exports (a snapshot, deltas with every event, one delta
            with bad rows, and a transfer that broke off) into DIR/inbox, creates DIR/kyosei.sqlite
            with you as its first administrator, registers a few walk-ins at the counter, applies
            the inbox, prints what the night found, imports three katakana insurance rosters, runs
            the rules and prints the coverage report by nationality. Run it again to start over.
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
        let inbox = root.appendingPathComponent("inbox/register")
        let archive = root.appendingPathComponent("archive/register")
        for old in ["kyosei.sqlite", "kyosei.sqlite-wal", "kyosei.sqlite-shm", "inbox", "archive"] {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(old))
        }
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let environment = try await CommandEnvironment.load(configFile: config)
        let municipality = environment.settings.municipalityCode
        let asOf = environment.clock.today.adding(days: -7)
        let login = CommandEnvironment.osLogin()
        let path = root.appendingPathComponent("kyosei.sqlite").path

        print("Writing a synthetic city of \(residents) residents (municipality \(municipality)) into \(inbox.path)")
        let written = try SampleCity.writeDemoInbox(to: inbox, residents: residents, seed: seed, municipality: municipality, asOf: asOf)
        for file in written.files { print("  \(file.fileName): \(file.expectedOutcome)") }

        let context = try Startup.initialize(
            databasePath: path, settings: environment.settings, founder: login, displayName: "Demo administrator",
            clock: environment.clock, logger: environment.logger)
        let staff = try context.staffMember(login: login)
        print("\nCreated \(path); \(login) is its first administrator.")

        let walkIns = SampleCity(residents: residents, seed: seed, municipality: municipality, asOf: asOf).walkIns()
        print("\nAt the counter, staff register \(walkIns.walkIns.count) people the register does not show:")
        for walkIn in walkIns.walkIns {
            let record = try ResidentService(context: context).create(
                ResidentDraft(nameLatin: walkIn.nameLatin, nameKana: walkIn.nameKana, birthDate: walkIn.birthDate,
                              sex: walkIn.sex, nationality: walkIn.nationality, residenceCardNumber: walkIn.cardNumber,
                              postalCode: walkIn.postalCode, address: walkIn.address, districtCode: walkIn.districtCode),
                by: staff, reason: "walk-in at the counter (demo)")
            print("  \(record.reference)  \(record.nameLatin)")
        }

        print("\n$ kyosei sync inbox \(inbox.path) --archive \(archive.path)")
        let outcomes = try RegisterSyncService(context: context).applyInbox(
            directory: inbox.path, archive: archive.path, by: staff)
        try SyncCommand.render(outcomes, json: false)

        print("\n$ kyosei sync attention")
        let report = try AttentionService(context: context).report(since: nil, by: staff)
        print("Left the register: \(report.leftRegister.count)")
        print("Stays expiring within \(report.windowDays) days: \(report.stayExpiring.count)")
        if !report.stayExpiring.isEmpty {
            Output.table(ResidentPresentation.listHeader, report.stayExpiring.prefix(5).map(ResidentPresentation.listRow))
            if report.stayExpiring.count > 5 { print("  … and \(report.stayExpiring.count - 5) more") }
        }
        print("Identity reviews: \(report.identityReviews.count)")
        for review in report.identityReviews {
            print("  K\(review.residentID) may be \(review.candidateIDs): \(review.reason)")
        }
        print("Rejected rows waiting for staff: \(report.openRejects)  (kyosei rejects list --db \(path))")

        let city = SampleCity(residents: residents, seed: seed, municipality: municipality, asOf: asOf)
        let rosters = root.appendingPathComponent("inbox/insurance")
        try FileManager.default.createDirectory(at: rosters, withIntermediateDirectories: true)
        for (scheme, source, share) in [(InsuranceScheme.nhi, "CITY", 0.55), (.ehi, "KENPO", 0.2), (.np, "PENSION", 0.3)] {
            let roster = try city.writeInsuranceRoster(to: rosters, scheme: scheme, source: source, date: asOf.adding(days: 3),
                                                       share: share, seed: UInt64(scheme.rawValue.count))
            print("\n$ kyosei import insurance \(roster.csvURL.lastPathComponent)")
            let outcome = try InsuranceImportService(context: context).apply(path: roster.csvURL.path, by: staff)
            print("  \(outcome.rows) rows: \(outcome.matched) matched across scripts, \(outcome.review) to review, \(outcome.unmatched) not residents")
        }

        print("\n$ kyosei rules run")
        let summaries = try RulesService(context: context).run(by: staff)
        Output.table(["RULE", "FOUND", "RAISED"], summaries.map { [$0.rule, String($0.found), String($0.raised)] })

        print("\n$ kyosei report coverage --by nationality --format md")
        let groups = try CoverageService(context: context).figures(by: .nationality, staff: staff)
        let table = CoverageTable.build(
            title: "Social-insurance coverage by nationality", groupedBy: "nationality", groups: groups,
            obligations: [.health, .pension], minimum: environment.settings.suppressionMinimum)
        print(String(decoding: try ReportFormat.md.render(table), as: UTF8.self))

        let sample = walkIns.ambiguousPair.first.map { $0.nameLatin.split(separator: " ").prefix(2).joined(separator: " ") } ?? "NGUYEN"
        print("\n$ kyosei resident find \(sample)")
        let found = try ResidentService(context: context).find(sample, by: staff, limit: 5)
        Output.table(ResidentPresentation.listHeader, found.map { ResidentPresentation.listRow($0.resident) })

        let verification = try AuditService(context: context).verify(by: staff)
        print("\nAudit log intact: \(verification.entries) entries, head \(verification.head ?? "")")
        print("Explore: KYOSEI_DB=\(path) kyosei resident list | kyosei rejects list | kyosei audit log")
    }
}
