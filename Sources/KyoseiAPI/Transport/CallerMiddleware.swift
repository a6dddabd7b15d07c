import Foundation
import HTTPTypes
import KyoseiServices
import OpenAPIRuntime

/// Turns the uid the transport vouched for into the member of staff every handler acts for,
/// through the services (which refuse and audit a uid that is not active staff). It reads the
/// uid from `Caller.peerUID` and nowhere else: no header or parameter can name a caller.
struct CallerMiddleware: ServerMiddleware {
    let context: ServiceContext
    let threads: DatabaseThreads

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let uid = Caller.peerUID.map { UInt32($0) }
        let context = context
        let staff = try await threads.run { try context.staffMember(uid: uid) }
        return try await Caller.$staff.withValue(staff) {
            try await next(request, body, metadata)
        }
    }
}
