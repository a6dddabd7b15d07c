import Foundation
import HTTPTypes
import OpenAPIRuntime
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The API without a socket: the generated client's requests go straight to the same
/// registered handlers, through the same middlewares, as the server's, with the process's
/// effective uid as the caller. Used when the caller owns the database file (the service
/// account, one person on one machine, the demo, the tests), so each command has one
/// implementation whichever way it is reached.
public final class InProcessTransport: ServerTransport, ClientTransport, Sendable {
    public typealias Handler = @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)

    private let routes = Mutex(RouteTable<Handler>())

    public init() {}

    public func register(_ handler: @escaping Handler, method: HTTPRequest.Method, path: String) throws {
        routes.withLock { $0.add(method, path, handler) }
    }

    public func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws
        -> (HTTPResponse, HTTPBody?) {
        // The client renders paths relative to the server URL's path, as the server registered them.
        let relative = (request.path ?? "").split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let path = baseURL.path + relative
        let handler: Handler
        let parameters: [String: Substring]
        switch routes.withLock({ $0.match(request.method, path) }) {
        case .found(let found, parameters: let foundParameters):
            handler = found
            parameters = foundParameters
        case .methodNotAllowed(let allowed):
            return Problem.methodNotAllowed(request.method, path, allowed: allowed).response
        case .notFound:
            return Problem.notFound(request.method, path).response
        }
        var serverRequest = request
        serverRequest.path = baseURL.path + (request.path ?? "")
        return try await Caller.$peerUID.withValue(geteuid()) {
            try await handler(serverRequest, body, ServerRequestMetadata(pathParameters: parameters))
        }
    }
}
