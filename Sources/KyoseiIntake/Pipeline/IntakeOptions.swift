/// How a file is read. The defaults suit the nightly job; tests shrink the chunk size to put
/// chunk boundaries inside characters and quoted fields.
public struct IntakeOptions: Sendable, Equatable {
    public static let defaultChunkSize = 1 << 20
    /// No real record comes near this; it bounds memory when a stray quote would otherwise
    /// swallow the rest of the file into one field.
    public static let defaultMaxRecordBytes = 1 << 20

    /// Read the file in this encoding instead of detecting it.
    public var encoding: TextEncoding?
    public var chunkSize: Int
    public var maxRecordBytes: Int

    public init(
        encoding: TextEncoding? = nil,
        chunkSize: Int = IntakeOptions.defaultChunkSize,
        maxRecordBytes: Int = IntakeOptions.defaultMaxRecordBytes
    ) {
        self.encoding = encoding
        self.chunkSize = max(1, chunkSize)
        self.maxRecordBytes = maxRecordBytes
    }
}
