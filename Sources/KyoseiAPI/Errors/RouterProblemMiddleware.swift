import Foundation
import HTTPTypes
import Hummingbird

/// Problems for what goes wrong before an operation is reached (no such path, a method the
/// path does not take) or that Hummingbird itself throws, in the same shape as the operations'.
struct RouterProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            let kind: Problem.Kind = error.status == .notFound ? .notFound : error.status.code >= 500 ? .internalFailure : .usage
            let detail = error.status == .notFound ? "No operation \(request.method) \(request.uri.path)." : "\(error.status.reasonPhrase)."
            return Problem(kind, status: error.status, detail: detail).hummingbirdResponse
        } catch {
            return Problem.from(error).hummingbirdResponse
        }
    }
}

extension Problem {
    var hummingbirdResponse: Response {
        var headers = HTTPFields()
        headers[.contentType] = Problem.mediaType
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: encoded())))
    }
}
