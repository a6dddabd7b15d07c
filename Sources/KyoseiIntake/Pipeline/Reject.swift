/// A row set aside: the good rows of its file are applied, and this is kept where staff can
/// list it, fix the record text and re-submit it through `IntakeReader.revalidate`.
public struct Reject: Sendable, Equatable, Codable, CustomStringConvertible {
    public let file: String
    /// Physical line where the record starts.
    public let line: Int
    /// Every column named by a reason, in the format's order.
    public let columns: [String]
    /// Every reason, each one plain sentence naming the column and the value.
    public let reasons: [String]
    /// The record as it stood in the file, without its line ending.
    public let recordText: String

    public init(file: String, line: Int, columns: [String], reasons: [String], recordText: String) {
        self.file = file
        self.line = line
        self.columns = columns
        self.reasons = reasons
        self.recordText = recordText
    }

    public var description: String { "\(file) line \(line): " + reasons.joined(separator: "; ") }
}
