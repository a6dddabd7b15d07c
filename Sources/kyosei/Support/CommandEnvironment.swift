import Foundation
import KyoseiDomain
import KyoseiServices
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// What a command needs before it can call a service: the settings, the clock, the database
/// path, the logger, and who is at the keyboard (the OS login, which must be staff).
struct CommandEnvironment {
    let settings: Settings
    let clock: KyoseiClock
    let databasePath: String
    let logger: Logger

    static func load(_ options: GlobalOptions) async throws -> CommandEnvironment {
        try await load(configFile: options.config, database: options.db)
    }

    static func load(configFile: String?, database: String? = nil) async throws -> CommandEnvironment {
        LoggingSetup.bootstrapOnce()
        let environment = ProcessInfo.processInfo.environment
        let settings = try await SettingsLoader.load(configFile: configFile ?? environment["KYOSEI_CONFIG"])
        let path = databasePath(option: database, configured: settings.databasePath)
        return CommandEnvironment(
            settings: settings, clock: try KyoseiClock.fromEnvironment(environment), databasePath: path,
            logger: Logger(label: "kyosei"))
    }

    /// The database: `--db`, else `KYOSEI_DB`, else `database.path`, else `./kyosei.sqlite`.
    static func databasePath(option: String?, configured: String?) -> String {
        option ?? ProcessInfo.processInfo.environment["KYOSEI_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? configured ?? "kyosei.sqlite"
    }

    /// Opens the database and identifies the member of staff running the command, for the
    /// commands that do not go through the API yet: only the account that owns the database may
    /// run them; everyone else is told so, rather than meeting SQLite's "readonly database".
    /// The effective uid is identified as the server identifies a peer's, so an owner who is not
    /// active staff is refused and the refusal audited with the uid, as over the socket.
    func session() throws -> (ServiceContext, StaffMember) {
        if FileManager.default.fileExists(atPath: databasePath) && !APIConnection.ownsFile(databasePath) {
            throw ServiceError.refused(
                "This command works on the database directly, which only its owner (the service account) may open; ask someone who runs it as that account.")
        }
        let context = try Startup.open(databasePath: databasePath, settings: settings, clock: clock, logger: logger)
        return (context, try context.staffMember(uid: geteuid()))
    }

    /// The login of the effective OS user; staff are identified by it, never by a flag.
    static func osLogin() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return String(geteuid())
    }
}

/// Logs go to stderr (stdout is for results a program may read), at the level in
/// `KYOSEI_LOG_LEVEL`, else the command's own default (warnings for a command, notices for the
/// server, which logs each start, stop and refusal).
enum LoggingSetup {
    private static let done = Mutex(false)

    static func bootstrapOnce(defaultLevel: Logger.Level = .warning) {
        done.withLock { done in
            guard !done else { return }
            done = true
            let level = ProcessInfo.processInfo.environment["KYOSEI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? defaultLevel
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
