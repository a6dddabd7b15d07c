/// How a register file is written: its encoding and line ending (Japanese government systems
/// still send CP932 with CRLF), and which bad rows to put into it.
public struct RegisterFileOptions: Sendable, Hashable {
    public enum Encoding: Sendable, Hashable {
        case utf8
        case utf8WithBOM
        /// Shift_JIS with the NEC and IBM extensions.
        case cp932
    }

    public enum LineEnding: Sendable, Hashable {
        /// RFC 4180's CRLF.
        case crlf
        case lf
    }

    public var encoding: Encoding
    public var lineEnding: LineEnding
    /// Bad rows to put among the good ones, each on its own row; see `RowFault`.
    public var rowFaults: [RowFault]

    public init(encoding: Encoding = .utf8, lineEnding: LineEnding = .crlf, rowFaults: [RowFault] = []) {
        self.encoding = encoding
        self.lineEnding = lineEnding
        self.rowFaults = rowFaults
    }
}
