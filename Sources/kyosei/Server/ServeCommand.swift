import ArgumentParser
import KyoseiAPI
import KyoseiServices

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server that owns the database: staff's commands reach the data only through it.",
        discussion: """
            Run it as the service account that owns the database (mode 0600). It answers the API on a \
            Unix socket (server.socket, default <db>.sock) that members of server.socket_group may \
            connect to; the kernel tells it who each caller is, and that OS login must be active staff. \
            City policy (suppression minimum, rules, the clock) is the server's own: its configuration \
            file and its own start environment, never a client's.
            It refuses a database or folder others can write, a database it does not own, and a second \
            server on the same database. SIGTERM or SIGINT: requests in flight finish, the database closes.
            Example:
              sudo -u kyosei kyosei serve --db /var/lib/kyosei/kyosei.sqlite --config /etc/kyosei/kyosei.json
              KYOSEI_LOG_LEVEL=info kyosei serve --socket /run/kyosei/kyosei.sock
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The socket to listen on (default: server.socket, else <db>.sock).") var socket: String?

    func run() async throws {
        LoggingSetup.bootstrapOnce(defaultLevel: .notice)
        let environment = try await CommandEnvironment.load(global)
        let socketPath = socket ?? KyoseiServer.socketPath(
            configured: environment.settings.serverSocket, databasePath: environment.databasePath)
        try KyoseiServer.checkFiles(databasePath: environment.databasePath, socketPath: socketPath)
        let context = try Startup.open(
            databasePath: environment.databasePath, settings: environment.settings, clock: environment.clock,
            logger: environment.logger)
        try await KyoseiServer.run(context: context, socketPath: socketPath, logger: environment.logger)
    }
}
