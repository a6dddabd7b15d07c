import Foundation
import KyoseiServices
import Logging
import OpenAPIRuntime

/// Puts the API's operations on a transport (the server's router or the in-process one) with
/// the same middlewares in the same order, so a request is checked and answered the same way
/// whichever way it came: problems outermost, then the request's shape (its body's size, no
/// empty parameters), then who is calling.
public enum APIRoutes {
    /// The path every operation is under; the document's server URL ends in it.
    public static let prefix = "/v1"

    public static func register(
        on transport: any ServerTransport, context: ServiceContext, threads: DatabaseThreads, logger: Logger
    ) throws {
        let handler = APIHandler(context: context, threads: threads)
        try handler.registerHandlers(
            on: transport, serverURL: URL(string: prefix)!,
            middlewares: [
                ProblemMiddleware(logger: logger),
                BodyLimitMiddleware(maximumBytes: context.settings.serverMaxBodyBytes),
                QueryParameterMiddleware(),
                CallerMiddleware(context: context, threads: threads),
            ])
    }
}
