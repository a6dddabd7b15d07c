/// One record of a CSV file: its fields unquoted, the physical line it starts on (a quoted
/// line break makes records and lines differ), and its text as it stood in the file, which is
/// what a reject keeps so staff can correct and re-submit it.
public struct CSVRecord: Sendable, Equatable {
    public let fields: [String]
    public let line: Int
    /// The record's text without its line ending, decoded to UTF-8.
    public let text: String

    public init(fields: [String], line: Int, text: String) {
        self.fields = fields
        self.line = line
        self.text = text
    }
}
