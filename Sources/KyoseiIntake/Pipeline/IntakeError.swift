/// Why a whole file is refused. A refused file changes nothing, so the message must let staff
/// (or the partner who sent it) find the fault without opening a debugger: which file, where,
/// and what is wrong, in one plain sentence.
public struct IntakeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name (not its full path: messages go to staff and into the audit log).
    public let file: String
    /// Physical line (1-based) where the fault is, when it has one.
    public let line: Int?
    /// Character position (1-based) within that line, when it has one.
    public let column: Int?
    public let reason: String

    public init(file: String, line: Int? = nil, column: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): "\(file) line \(line), column \(column): \(reason)"
        case let (line?, nil): "\(file) line \(line): \(reason)"
        default: "\(file): \(reason)"
        }
    }
}
