import Foundation
import Hummingbird
import KyoseiDomain
import KyoseiServices
import Logging
import NIOCore
import OpenAPIHummingbird

#if canImport(Glibc)
import Glibc
#endif

/// `kyosei serve`: the one process that owns the database, answering the API on a Unix socket
/// whose peers the kernel names. It refuses to start on files others could read or replace,
/// or beside a server already running; on SIGTERM or SIGINT it stops taking connections, lets
/// the requests in flight finish, and closes the database.
public enum KyoseiServer {
    /// Where the socket is: `server.socket`, else beside the database.
    public static func socketPath(configured: String, databasePath: String) -> String {
        configured.isEmpty ? databasePath + ".sock" : configured
    }

    /// Refuses a database or folder others could read or replace, or a database this account
    /// does not own, before anything opens it; each refusal says how to fix it.
    public static func checkFiles(databasePath: String, socketPath: String) throws {
        try ServerFiles.checkDatabase(databasePath)
        try ServerFiles.checkFolder(of: socketPath, holding: "the socket")
    }

    public static func run(context: ServiceContext, socketPath: String, logger: Logger) async throws {
        let settings = context.settings
        let databasePath = context.database.path
        try checkFiles(databasePath: databasePath, socketPath: socketPath)
        let lock = try ServerFiles.lock(databasePath: databasePath)
        defer { close(lock) }
        // The socket is born owner-only, so no one can connect before its group is set.
        let previousMask = umask(0o177)
        defer { umask(previousMask) }

        let threads = DatabaseThreads(count: settings.serverThreads)
        let router = Router()
        let recorder = RouteRecorder(router: router)
        try APIRoutes.register(on: recorder, context: context, threads: threads, logger: logger)
        router.add(middleware: RouterProblemMiddleware(routes: recorder.table))

        let group = settings.serverSocketGroup
        let app = Application(
            router: router,
            server: .peerCredentialHTTP1(configuration: .init(idleTimeout: .seconds(Int64(settings.serverIdleTimeoutSeconds)))),
            configuration: .init(address: .unixDomainSocket(path: socketPath), serverName: "kyosei"),
            onServerRunning: { _ in
                do {
                    try ServerFiles.openSocket(socketPath, toGroup: group)
                    logger.notice("listening", metadata: [
                        "socket": "\(socketPath)", "socket_group": "\(group.isEmpty ? "(owner only)" : group)",
                        "database": "\(databasePath)", "pid": "\(getpid())",
                    ])
                } catch {
                    logger.critical("cannot open the socket to its group", metadata: ["error": "\(error)"])
                    kill(getpid(), SIGTERM)
                }
            },
            logger: logger)
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            try? await threads.shutdown()
            throw error
        }
        try await threads.shutdown()
        try context.database.close()
        unlink(socketPath)
        logger.notice("stopped; the database is closed", metadata: ["database": "\(databasePath)"])
    }
}
