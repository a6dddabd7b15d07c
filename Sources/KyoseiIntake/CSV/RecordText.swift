/// A record's text as it stood in the file (decoded to UTF-8, without its line ending), kept as
/// its bytes. Every row carries it in case the import sets the row aside, and few rows are: made
/// into a `String` for each (which checks the bytes once more), it took about a tenth of
/// reading a register file.
public struct RecordText: Sendable, Equatable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(_ text: String) { bytes = Array(text.utf8) }

    init(bytes: [UInt8]) { self.bytes = bytes }

    public var description: String { String(decoding: bytes, as: UTF8.self) }
}
