/// A verified backup: where it is, its size, and the audit head it holds.
public struct BackupReport: Sendable, Encodable {
    public let file: String
    public let bytes: Int
    public let verification: CopyVerification
}
