import Foundation
import HTTPTypes
import Hummingbird

/// Problems for what goes wrong before an operation is reached (no such path; a method the path
/// does not take, 405 with the methods it does) or that Hummingbird itself throws, in the same
/// shape as the operations'.
struct RouterProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable<Void>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            switch routes.match(request.method, request.uri.path) {
            case .methodNotAllowed(let allowed):
                var response = Problem.methodNotAllowed(request.method, request.uri.path, allowed: allowed).hummingbirdResponse
                response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
                return response
            case .found, .notFound:
                return Problem.notFound(request.method, request.uri.path).hummingbirdResponse
            }
        } catch let error as any HTTPResponseError {
            let kind: Problem.Kind = error.status.code >= 500 ? .internalFailure : .usage
            return Problem(kind, status: error.status, detail: "\(error.status.reasonPhrase).").hummingbirdResponse
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
