/// The two encodings Kyosei accepts. Japanese government systems still send Shift_JIS, and in
/// practice that means Microsoft's CP932 (with the NEC and IBM extensions such as ① and ㈱),
/// so CP932 is what "Shift_JIS" is read as.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case utf8 = "UTF-8"
    case cp932 = "CP932"

    /// Accepts the names staff and partner systems use for the same two encodings, so an
    /// `--encoding sjis` or `shift_jis` override means CP932 rather than an error.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "cp932", "shift_jis", "shift-jis", "sjis", "windows-31j", "ms932": self = .cp932
        default: return nil
        }
    }

    /// The name iconv knows the encoding by.
    var iconvName: String { rawValue }

    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .cp932: "Shift_JIS/CP932"
        }
    }
}
