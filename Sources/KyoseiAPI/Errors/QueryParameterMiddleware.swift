import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Refuses a query parameter given with no value (`?team=`), or given twice when it is not a
/// list. The generated code would read the first as absent (so `--team ""` would quietly list
/// every team's cases) and keep one of the second; a caller who means "any" leaves it out.
public struct QueryParameterMiddleware: ServerMiddleware {
    /// The query parameters the document declares as lists (`explode: true`), which may repeat.
    public static let lists: Set<String> = ["state"]

    public func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let query = (request.path ?? "").split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
        var seen: Set<String> = []
        for item in query.split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            if parts.count < 2 || parts[1].isEmpty {
                throw Problem(.validation, status: .badRequest, detail: "The parameter \(name) has no value; give one, or leave it out.")
            }
            if !seen.insert(name).inserted && !Self.lists.contains(name) {
                throw Problem(.validation, status: .badRequest, detail: "The parameter \(name) is given twice; it takes one value.")
            }
        }
        return try await next(request, body, metadata)
    }
}
