/// Writes RFC 4180 records, quoting only where a field needs it. The reader skips blank lines,
/// so a record of one empty field is written as `""` to stay a record.
public enum CSVWriter {
    public static func field(_ value: String) -> String {
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        // By scalar, not by Character: a quote followed by a combining mark is one Character.
        var quoted = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// One record without its line ending.
    public static func record(_ fields: [String]) -> String {
        if fields.count == 1, fields[0].isEmpty { return "\"\"" }
        return fields.map(field).joined(separator: ",")
    }
}
