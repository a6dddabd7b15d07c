/// One record of a CSV file: its fields unquoted, the physical line it starts on (a quoted
/// line break makes records and lines differ), and its text as it stood in the file, which is
/// what a reject keeps so staff can correct and re-submit it.
public struct CSVRecord: Sendable, Equatable {
    public let fields: [String]
    public let line: Int
    /// The record's text without its line ending, decoded to UTF-8.
    public let raw: RecordText

    public init(fields: [String], line: Int, text: String) {
        self.init(fields: fields, line: line, raw: RecordText(text))
    }

    init(fields: [String], line: Int, raw: RecordText) {
        self.fields = fields
        self.line = line
        self.raw = raw
    }

    public var text: String { raw.description }
}
