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

    private struct Route {
        let method: HTTPRequest.Method
        let components: [Substring]
        let handler: Handler
    }

    private let routes = Mutex<[Route]>([])

    public init() {}

    public func register(_ handler: @escaping Handler, method: HTTPRequest.Method, path: String) throws {
        let route = Route(method: method, components: path.split(separator: "/"), handler: handler)
        routes.withLock { $0.append(route) }
    }

    public func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws
        -> (HTTPResponse, HTTPBody?) {
        // The client renders paths relative to the server URL's path, as the server registered them.
        let relative = (request.path ?? "").split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let path = baseURL.path + relative
        let components = path.split(separator: "/")
        let match = routes.withLock { routes -> (Handler, [String: Substring])? in
            for route in routes where route.method == request.method && route.components.count == components.count {
                var parameters: [String: Substring] = [:]
                var matched = true
                for (pattern, value) in zip(route.components, components) {
                    if pattern.hasPrefix("{") && pattern.hasSuffix("}") {
                        parameters[String(pattern.dropFirst().dropLast())] = value
                    } else if pattern != value {
                        matched = false
                        break
                    }
                }
                if matched { return (route.handler, parameters) }
            }
            return nil
        }
        guard let (handler, parameters) = match else {
            return Problem(.notFound, status: .notFound, detail: "No operation \(request.method) \(path).").response
        }
        var serverRequest = request
        serverRequest.path = baseURL.path + (request.path ?? "")
        return try await Caller.$peerUID.withValue(geteuid()) {
            try await handler(serverRequest, body, ServerRequestMetadata(pathParameters: parameters))
        }
    }
}
