/// The audit chain's newest entry as `N:HASH`, signed when the city configured a signing key.
public struct AuditHead: Sendable, Encodable {
    public let head: String
    public let entries: Int
    /// Base64 Ed25519 signature of the head, or nil when no key is configured.
    public let signature: String?
}
