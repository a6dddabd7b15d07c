import ArgumentParser
import KyoseiServices

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the city's database and make the OS user running this its first administrator.",
        discussion: "Example:\n  kyosei init --db /var/lib/kyosei/kyosei.sqlite --name \"Suzuki Hana\""
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Your display name.") var name: String?

    func run() async throws {
        let environment = try await CommandEnvironment.load(global)
        let login = CommandEnvironment.osLogin()
        _ = try Startup.initialize(
            databasePath: environment.databasePath, settings: environment.settings, founder: login, displayName: name,
            clock: environment.clock, logger: environment.logger)
        print("Created \(environment.databasePath) for municipality \(environment.settings.municipalityCode); \(login) is its first administrator.")
    }
}

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show the configuration in force.", subcommands: [ConfigShow.self])
}

struct ConfigShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the settings after defaults, the configuration file and KYOSEI_* variables are applied.",
        discussion: """
            Example:
              KYOSEI_RULES_STAY_EXPIRY_WINDOW_DAYS=90 kyosei config show --json
              kyosei config show --key inbox.directory
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Print only this key's value (for scripts).") var key: String?

    func run() async throws {
        let environment = try await CommandEnvironment.load(global)
        let s = environment.settings
        let pairs: [(String, String)] = [
            ("database", environment.databasePath),
            ("municipality.code", s.municipalityCode.rawValue),
            ("database.busy_timeout_ms", String(s.busyTimeoutMilliseconds)),
            ("rules.stay_expiry_window_days", String(s.stayExpiryWindowDays)),
            ("reports.suppression_minimum", String(s.suppressionMinimum)),
            ("inbox.directory", s.inboxDirectory),
            ("inbox.archive", s.archiveDirectory),
            ("insurance.pension_age_from", String(s.pensionAgeFrom)),
            ("insurance.pension_age_until", String(s.pensionAgeUntil)),
            ("insurance.late_elderly_age", String(s.lateElderlyAge)),
            ("insurance.employment_weekly_hours", String(s.employmentInsuranceWeeklyHours)),
            ("insurance.employment_expected_days", String(s.employmentInsuranceExpectedDays)),
            ("files.staff_group", s.staffGroup),
            ("backup.directory", s.backupDirectory),
            ("backup.generations", String(s.backupGenerations)),
            ("audit.signing_key_file", s.auditSigningKeyFile),
            ("language.completion_percent", String(s.languageCompletionPercent)),
            ("language.newcomer_window_days", String(s.languageNewcomerWindowDays)),
            ("language.waitlist_priority", s.languageWaitlistPriority.map(\.rawValue).joined(separator: ",")),
        ]
        if let key {
            guard let value = pairs.first(where: { $0.0 == key })?.1 else {
                throw ServiceError.usage("No setting \(key); the settings are \(pairs.map(\.0).joined(separator: ", ")).")
            }
            print(value)
        } else if output.json {
            try Output.json(Dictionary(uniqueKeysWithValues: pairs))
        } else {
            Output.fields(pairs)
        }
    }
}
