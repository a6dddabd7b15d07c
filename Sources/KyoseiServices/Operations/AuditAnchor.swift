import KyoseiDomain

/// A point in the audit chain written down somewhere else (a log, a ticket, another host):
/// entry `sequence` had `hash`. A chain can prove its entries link up, but not that its newest
/// ones were not cut off; comparing it with an anchor taken earlier can.
public struct AuditAnchor: Sendable, Equatable, CustomStringConvertible {
    public let sequence: Int64
    public let hash: String

    /// Parses `N:HASH` as `audit verify` and `audit head` print it.
    public init(_ text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let sequence = Int64(parts[0]), sequence > 0,
              parts[1].count == 64, parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw ValidationError(field: "audit head", value: text, reason: "must be N:HASH, the entry number and its 64-character hash")
        }
        self.sequence = sequence
        hash = String(parts[1])
    }

    public var description: String { "\(sequence):\(hash)" }
}
