import Foundation
import HTTPTypes
import Logging
import OpenAPIRuntime

/// The outermost step of every operation, on either transport: whatever a request ends in
/// (a body the schema refuses, a caller who is not staff, a service's refusal, a fault) leaves
/// as one problem-details response, and every request leaves one line in the log.
struct ProblemMiddleware: ServerMiddleware {
    let logger: Logger

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let started = ContinuousClock.now
        let result: (HTTPResponse, HTTPBody?)
        do {
            result = try await next(request, body, metadata)
        } catch {
            let problem = Problem.from(error)
            if problem.kind == .internalFailure {
                logger.error("request failed", metadata: ["operation": "\(operationID)", "error": "\(error)"])
            }
            result = problem.response
        }
        let elapsed = ContinuousClock.now - started
        logger.info("request", metadata: [
            "operation": "\(operationID)", "status": "\(result.0.status.code)",
            "uid": "\(Caller.peerUID.map { "\($0)" } ?? "-")",
            "ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)",
        ])
        return result
    }
}

extension Problem {
    /// The problem as an HTTP response with an `application/problem+json` body.
    var response: (HTTPResponse, HTTPBody?) {
        let data = encoded()
        var fields = HTTPFields()
        fields[.contentType] = Problem.mediaType
        return (HTTPResponse(status: .init(code: status), headerFields: fields), HTTPBody(data))
    }
}
