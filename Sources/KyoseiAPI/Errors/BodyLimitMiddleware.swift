import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Reads a request's body up to the configured size before anything decodes it, so an oversize
/// body is refused whole, whatever its Content-Length claimed, and no handler ever streams an
/// unbounded body.
struct BodyLimitMiddleware: ServerMiddleware {
    let maximumBytes: Int

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let body else { return try await next(request, nil, metadata) }
        let tooLarge = Problem(.usage, status: .contentTooLarge,
                               detail: "The request body is larger than this server takes (server.max_body_bytes = \(maximumBytes)).")
        if case .known(let length) = body.length, length > maximumBytes { throw tooLarge }
        let bytes: ArraySlice<UInt8>
        do {
            bytes = try await ArraySlice(collecting: body, upTo: maximumBytes)
        } catch {
            throw tooLarge
        }
        return try await next(request, HTTPBody(bytes), metadata)
    }
}
