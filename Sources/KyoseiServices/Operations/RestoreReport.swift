/// A restore: the copy put back, where the database it replaced is kept, and the copy's audit head.
public struct RestoreReport: Sendable, Encodable {
    public let file: String
    public let kept: String
    public let verification: CopyVerification
}
