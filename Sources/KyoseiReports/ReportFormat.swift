import KyoseiIntake

/// How a report is written: CSV for spreadsheets (UTF-8 with a BOM so Excel opens it cleanly,
/// or Shift_JIS), JSON for programs, Markdown for people reading it in a terminal or a wiki, HTML
/// (always UTF-8) for people opening it in a browser, with charts.
public enum ReportFormat: String, Sendable, CaseIterable {
    case csv, json, md, html

    public func render(_ table: ReportTable, shiftJIS: Bool = false) throws -> [UInt8] {
        switch self {
        case .csv:
            // Labels can be text from outside (an employer's name); the cells are figures.
            var lines = [CSVWriter.record(cells: ([table.rowHeader] + table.columns).map(SpreadsheetCell.text))]
            for row in table.rows + [table.total] {
                lines.append(CSVWriter.record(cells: [.text(row.label)] + row.cells.map { .computed($0.description) }))
            }
            lines += table.notes.map { CSVWriter.record(cells: [.text($0)]) }
            let text = lines.joined(separator: "\r\n") + "\r\n"
            return shiftJIS ? try Transcoder.encode(text, to: "CP932") : [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .json:
            return Array(json(table).utf8)
        case .md:
            var out = "# \(table.title)\n\n| \(table.rowHeader) | " + table.columns.joined(separator: " | ") + " |\n"
            out += "|---|" + table.columns.map { _ in "---:" }.joined(separator: "|") + "|\n"
            for row in table.rows + [table.total] {
                out += "| \(row.label) | " + row.cells.map(\.description).joined(separator: " | ") + " |\n"
            }
            out += table.notes.map { "\n\($0)\n" }.joined()
            return Array(out.utf8)
        case .html:
            return Array(HTMLReportPage.html(table).utf8)
        }
    }

    /// Suppressed cells are `null`, shares are fractions: a program must not mistake `*` for a number.
    private func json(_ table: ReportTable) -> String {
        func quoted(_ s: String) -> String {
            "\"" + s.unicodeScalars.map { c -> String in
                switch c {
                case "\"": return "\\\""
                case "\\": return "\\\\"
                case "\n": return "\\n"
                default: return c.value < 0x20 ? "\\u00" + String(c.value, radix: 16).leftPadded(2) : String(c)
                }
            }.joined() + "\""
        }
        func cell(_ c: ReportTable.Cell) -> String {
            switch c {
            case .count(let n): String(n)
            case .share(let s): String(Double((s * 10000).rounded()) / 10000)
            case .suppressed, .empty: "null"
            }
        }
        func row(_ r: ReportTable.Row) -> String {
            "{" + ([quoted(table.rowHeader) + ": " + quoted(r.label)]
                + zip(table.columns, r.cells).map { quoted($0.0) + ": " + cell($0.1) }).joined(separator: ", ") + "}"
        }
        func numbers(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }
        func definition(_ column: ReportColumn) -> String {
            let made = switch column.value {
            case .count(let m): "\"count\": \(m)"
            case .share(let n, let d): "\"share\": \(n), \"of\": \(d)"
            case .shareOfTotal(let m): "\"share_of_total\": \(m)"
            case .difference(let m, let less): "\"difference\": \(m), \"less\": \(numbers(less))"
            }
            return "{\"title\": \(quoted(column.title)), \(made)}"
        }
        let layout = table.layout.map { layout in
            ",\n  \"layout\": {\"measures\": [" + layout.measures.map(quoted).joined(separator: ", ") + "],\n    \"columns\": ["
                + layout.columns.map(definition).joined(separator: ",\n      ") + "],\n    \"relations\": ["
                + layout.relations.map { "{\"whole\": \($0.whole), \"parts\": \(numbers($0.parts))}" }.joined(separator: ", ") + "]"
                + (layout.rowParts.isEmpty ? "" : ",\n    \"row_parts\": {" + layout.rowParts.keys.sorted().map { key in
                    quoted(key) + ": [" + layout.rowParts[key]!.map(quoted).joined(separator: ", ") + "]"
                }.joined(separator: ", ") + "}") + "}"
        } ?? ""
        return "{\n  \"title\": \(quoted(table.title)),\n  \"rows\": [\n    "
            + table.rows.map(row).joined(separator: ",\n    ")
            + "\n  ],\n  \"total\": \(row(table.total)),\n  \"notes\": [" + table.notes.map(quoted).joined(separator: ", ") + "]"
            + layout + "\n}\n"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
