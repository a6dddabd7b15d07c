import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Hummingbird's HTTP/1 child channel, plus the peer's uid read once when the connection is set
/// up, before any byte of a request is read. Every request on the connection is then handled
/// inside `Caller.$peerUID`, which is how the handlers learn who is calling.
struct PeerCredentialChannel: ServerChildChannel {
    struct Value: ServerChildChannelValue {
        let http: HTTP1Channel.Value
        let peerUID: uid_t?
        var channel: any Channel { http.channel }
    }

    let http: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        PeerCredentials.uid(of: channel).flatMap { uid in
            http.setup(channel: channel, logger: logger).map { Value(http: $0, peerUID: uid) }
        }
    }

    func handle(value: Value, logger: Logger) async {
        var logger = logger
        logger[metadataKey: "peer_uid"] = value.peerUID.map { "\($0)" } ?? "unknown"
        await Caller.$peerUID.withValue(value.peerUID) {
            await http.handle(value: value.http, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 on a Unix socket with the caller taken from the kernel.
    static func peerCredentialHTTP1(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        .init { responder in
            PeerCredentialChannel(http: HTTP1Channel(responder: responder, configuration: configuration))
        }
    }
}
