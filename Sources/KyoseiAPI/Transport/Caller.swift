import KyoseiServices

#if canImport(Glibc)
import Glibc
#endif

/// Who is calling, carried beside the request rather than in it. The generated OpenAPI handlers
/// see only the request, and nothing in a request may name its caller, so the transport puts the
/// uid the kernel vouches for in a task-local (the connection's task, for the Unix socket; the
/// call's, in-process) and `CallerMiddleware` turns it into a member of staff for the handler.
/// Task-locals are bound to the structured task that handles the request, so one connection's
/// caller can never leak into another's request.
public enum Caller {
    /// The uid the transport identified: the peer credentials of the socket's connection, or the
    /// effective uid of the process for an in-process call. nil when it could not be read.
    @TaskLocal public static var peerUID: uid_t?

    /// The member of staff `peerUID` maps to, set by `CallerMiddleware` for the handlers.
    @TaskLocal static var staff: StaffMember?

    /// The member of staff for the handler; a handler reached without one is a wiring mistake,
    /// refused rather than run for nobody.
    static func current() throws -> StaffMember {
        guard let staff else { throw ServiceError.refused("This request has no identified caller.") }
        return staff
    }
}
