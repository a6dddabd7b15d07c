import AsyncHTTPClient
import Foundation
import HTTPTypes
import KyoseiAPI
import KyoseiServices
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

#if canImport(Glibc)
import Glibc
#endif

/// How a command reaches the API. Over the server's Unix socket, where the kernel tells the
/// server who is calling; or, when the caller owns the database file (the service account, one
/// person on one machine, the demo, the tests), through the same handlers in this process with
/// the caller's effective uid. Either way the command has one implementation: the API's.
struct APIConnection {
    let client: Client
    private let close: @Sendable () async throws -> Void

    /// Opens the API, runs `body` with its client, and closes it again; a problem the server
    /// answered with comes out as the service error it stands for (and so its exit code).
    static func call<T>(_ options: GlobalOptions, _ body: (Client) async throws -> T) async throws -> T {
        let connection = try await open(options)
        do {
            let result = try await body(connection.client)
            await connection.finish()
            return result
        } catch {
            await connection.finish()
            throw failure(error)
        }
    }

    private static func failure(_ error: any Error) -> any Error {
        switch error {
        case let problem as Problem: return problem.serviceError
        case let error as ClientError:
            if let problem = error.underlyingError as? Problem { return problem.serviceError }
            if let service = error.underlyingError as? ServiceError { return service }
            return ServiceError.internalFailure("The call \(error.operationID) failed: \(error.underlyingError).")
        default: return error
        }
    }

    /// Finds the server: `--server`, then `KYOSEI_SERVER`, then `server.socket` in the
    /// configuration, then the socket beside the configured database. A named server is always
    /// used; otherwise the owner of the database works in-process.
    static func open(_ options: GlobalOptions) async throws -> APIConnection {
        let environment = ProcessInfo.processInfo.environment
        if let named = options.server ?? environment["KYOSEI_SERVER"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return try socket(named)
        }
        let configFile = options.config ?? environment["KYOSEI_CONFIG"]
        let locations = try await SettingsLoader.locations(configFile: configFile)
        let databasePath = CommandEnvironment.databasePath(option: options.db, configured: locations.databasePath)
        let socketPath = KyoseiServer.socketPath(configured: locations.serverSocket, databasePath: databasePath)
        // With neither a database nor a socket here, opening says plainly there is no database.
        if ownsFile(databasePath) || !(exists(databasePath) || exists(socketPath)) {
            return try await inProcess(try await CommandEnvironment.load(options))
        }
        return try socket(socketPath)
    }

    /// True when this process's effective uid owns `path`: it could open the file itself, so it
    /// may as well run the handlers itself.
    static func ownsFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_uid == geteuid()
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    private static func inProcess(_ environment: CommandEnvironment) async throws -> APIConnection {
        let context = try Startup.open(
            databasePath: environment.databasePath, settings: environment.settings, clock: environment.clock,
            logger: environment.logger)
        let threads = DatabaseThreads(count: 2)
        let transport = InProcessTransport()
        try APIRoutes.register(on: transport, context: context, threads: threads, logger: environment.logger)
        let client = Client(
            serverURL: URL(string: "http://localhost" + APIRoutes.prefix)!, transport: transport,
            middlewares: [ProblemClientMiddleware()])
        return APIConnection(client: client) {
            try await threads.shutdown()
        }
    }

    private static func socket(_ location: String) throws -> APIConnection {
        let path = location.hasPrefix("http+unix://")
            ? (URL(string: location)?.host(percentEncoded: false) ?? location) : location
        guard FileManager.default.fileExists(atPath: path) else {
            throw ServiceError.internalFailure(
                "No Kyosei server answers at \(path), and this account does not own the database to work without one; ask for `kyosei serve` to be started, or name the socket with --server.")
        }
        guard let url = URL(httpURLWithSocketPath: path, uri: APIRoutes.prefix) else {
            throw ServiceError.usage("\(path) cannot be a socket path.")
        }
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        let transport = AsyncHTTPClientTransport(configuration: .init(client: http, timeout: .minutes(10)))
        let client = Client(serverURL: url, transport: transport, middlewares: [ProblemClientMiddleware()])
        return APIConnection(client: client) { try await http.shutdown() }
    }

    /// Closes what `open` opened; call it whether or not the command succeeded.
    func finish() async {
        try? await close()
    }
}

/// Turns a problem-details answer into the error it stands for before the generated code sees
/// it, so every command fails with the server's sentence and the exit code of its kind.
struct ProblemClientMiddleware: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let (response, responseBody) = try await next(request, body, baseURL)
        guard response.status.kind != .successful else { return (response, responseBody) }
        var bytes = Data()
        if let responseBody { bytes = try await Data(collecting: responseBody, upTo: 1 << 20) }
        if let problem = try? JSONDecoder().decode(Problem.self, from: bytes) {
            throw problem
        }
        throw ServiceError.internalFailure(
            "The server answered \(response.status.code) \(response.status.reasonPhrase) to \(operationID).")
    }
}
