import Foundation
import KyoseiDomain
import KyoseiServices
import OpenAPIRuntime

extension Problem {
    /// The problem for any error a request can end in. Errors Kyosei does not know become one
    /// internal problem whose detail names no internals; the caller logs the error itself.
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem: return problem
        case let error as ServiceError: return Problem(error)
        case let error as ValidationError: return Problem(ServiceError.invalid(error))
        case let error as ServerError: return fromServerError(error)
        case is DecodingError:
            return Problem(.validation, status: .badRequest, detail: "The request body is not valid: \(describe(error)).")
        default:
            return Problem(.internalFailure, status: .internalServerError,
                           detail: "Internal error; the server's log has the details.")
        }
    }

    /// OpenAPIRuntime wraps what went wrong in a request it could not decode, and what a handler
    /// threw, in a `ServerError`; the cause decides the problem.
    private static func fromServerError(_ error: ServerError) -> Problem {
        let underlying = error.underlyingError
        if underlying is Problem || underlying is ServiceError || underlying is ValidationError {
            return from(underlying)
        }
        if error.operationInput == nil {
            // Decoding the request failed: a parameter of the wrong type, a body that is not the
            // schema's (an unknown field, a missing one, a wrong type), or no body at all.
            return Problem(.validation, status: .badRequest,
                           detail: "The request is not valid for \(error.operationID): \(describe(underlying)).")
        }
        return from(underlying)
    }

    /// A decoding error as one line a person can act on: the field's path and what was wrong.
    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "" : keys.joined(separator: ".") + ": "
        }
        func reason(_ context: DecodingError.Context) -> String {
            var text = context.debugDescription
            while text.hasSuffix(".") { text.removeLast() }
            return text.prefix(1).lowercased() + text.dropFirst()
        }
        switch decoding {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return path(context) + reason(context)
        case .keyNotFound(let key, let context):
            return path(context) + "the field \(key.stringValue) is missing"
        @unknown default:
            return "\(decoding)"
        }
    }
}
