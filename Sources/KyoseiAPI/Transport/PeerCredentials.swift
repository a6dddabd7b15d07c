import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// The kernel's word on who is at the other end of a Unix-domain connection (`SO_PEERCRED`, as
/// PostgreSQL's `peer` authentication and the Docker daemon's socket use). It names the process
/// that connected, whatever that process claims in its requests.
enum PeerCredentials {
    /// Linux's `struct ucred` (pid, uid, gid: three 32-bit fields in this order), which Swift's
    /// Glibc module does not export; NIO reads the option into a value of this layout.
    struct Credentials {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// The connected peer's uid, or nil when the channel is not a Unix socket or the option
    /// cannot be read (the request is then refused). Must run on the channel's event loop.
    static func uid(of channel: any Channel) -> EventLoopFuture<uid_t?> {
        guard let provider = channel as? any SocketOptionProvider else {
            return channel.eventLoop.makeSucceededFuture(nil)
        }
        let credentials: EventLoopFuture<Credentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        return credentials.map { credentials -> uid_t? in credentials.uid }.recover { _ in nil }
    }
}
