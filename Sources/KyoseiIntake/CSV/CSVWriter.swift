/// Writes RFC 4180 records, quoting only where a field needs it. The reader skips blank lines,
/// so a record of one empty field is written as `""` to stay a record.
public enum CSVWriter {
    public static func field(_ value: String) -> String {
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        return "\"" + value.replacingQuotes() + "\""
    }

    /// One record without its line ending.
    public static func record(_ fields: [String]) -> String {
        if fields.count == 1, fields[0].isEmpty { return "\"\"" }
        return fields.map(field).joined(separator: ",")
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 2)
        for ch in self {
            if ch == "\"" { out.append("\"\"") } else { out.append(ch) }
        }
        return out
    }
}
