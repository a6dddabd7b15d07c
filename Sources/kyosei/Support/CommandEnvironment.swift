import Foundation
import KyoseiDomain
import KyoseiServices
import Logging

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
        let path = database ?? environment["KYOSEI_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? settings.databasePath ?? "kyosei.sqlite"
        return CommandEnvironment(
            settings: settings, clock: try KyoseiClock.fromEnvironment(environment), databasePath: path,
            logger: Logger(label: "kyosei"))
    }

    /// Opens the database and identifies the member of staff running the command.
    func session() throws -> (ServiceContext, StaffMember) {
        let context = try Startup.open(databasePath: databasePath, settings: settings, clock: clock, logger: logger)
        return (context, try context.staffMember(login: Self.osLogin()))
    }

    /// The login of the effective OS user; staff are identified by it, never by a flag.
    static func osLogin() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return String(geteuid())
    }
}

/// Logs go to stderr (stdout is for results a program may read), at the level in `KYOSEI_LOG_LEVEL`.
enum LoggingSetup {
    private static let once: Void = {
        let level = ProcessInfo.processInfo.environment["KYOSEI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }()

    static func bootstrapOnce() { once }
}
