import ArgumentParser
import KyoseiAPI
import KyoseiServices

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the city's database and name its first administrator (the founder).",
        discussion: """
            The database is created owner-only (0600) for the account running this. On a server, run it \
            as the service account and name the person who administers Kyosei with --admin: that login \
            becomes the founder, and the service account staff with the system role (the server and the \
            nightly job). Without --admin, the account running this becomes the founder.
            Example:
              sudo -u kyosei kyosei init --db /var/lib/kyosei/kyosei.sqlite --admin suzuki --name "Suzuki Hana"
              kyosei init --name "Suzuki Hana"
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The OS login of the first administrator (default: the account running this).") var admin: String?
    @Option(help: "The first administrator's display name.") var name: String?

    func run() async throws {
        let environment = try await CommandEnvironment.load(global)
        let account = CommandEnvironment.osLogin()
        let login = admin ?? account
        _ = try Startup.initialize(
            databasePath: environment.databasePath, settings: environment.settings, founder: login, displayName: name,
            serviceAccount: account, clock: environment.clock, logger: environment.logger)
        print("Created \(environment.databasePath) for municipality \(environment.settings.municipalityCode); \(login) is its first administrator."
              + (login == account ? "" : " \(account), which created it, is staff with the system role (the server and the nightly job)."))
    }
}

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show the configuration in force.", subcommands: [ConfigShow.self])
}

struct ConfigShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the settings in force on the server (its defaults, configuration file and start environment).",
        discussion: """
            The settings are the server's, whoever asks: a client's own KYOSEI_* variables change nothing.
            Example:
              kyosei config show --json
              kyosei config show --key inbox.directory
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Print only this key's value (for scripts).") var key: String?

    func run() async throws {
        let shown = try await APIConnection.call(global) { api in try await api.showConfig().ok.body.json }
        let pairs = [("database", shown.database)] + shown.settings.map { ($0.key, $0.value) }
        if let key {
            guard let value = pairs.first(where: { $0.0 == key })?.1 else {
                throw ServiceError.usage("No setting \(key); the settings are \(pairs.map(\.0).joined(separator: ", ")).")
            }
            print(value)
        } else if output.json {
            try Output.json(shown)
        } else {
            Output.fields(pairs)
        }
    }
}
