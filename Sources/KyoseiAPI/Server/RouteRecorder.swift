import Hummingbird
import HTTPTypes
import OpenAPIHummingbird
import OpenAPIRuntime

/// Registers the API's operations on the router and keeps their paths, so that a request for a
/// path the API has, by a method it does not take, can be told apart from one for no path at all.
/// Used while the server is being set up, before it takes a request, from one task.
final class RouteRecorder: ServerTransport {
    private let router: Router<BasicRequestContext>
    private(set) var table = RouteTable<Void>()

    init(router: Router<BasicRequestContext>) {
        self.router = router
    }

    func register(
        _ handler: @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
        method: HTTPRequest.Method, path: String
    ) throws {
        table.add(method, path, ())
        router.register(handler, method: method, path: path)
    }
}
