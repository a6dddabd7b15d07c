/// Writes RFC 4180 records, quoting only where a field needs it. The reader skips blank lines,
/// so a record of one empty field is written as `""` to stay a record.
public enum CSVWriter {
    public static func field(_ value: String) -> String {
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        // By byte, not by Character: a quote followed by a combining mark is one Character, while
        // a quote's byte is never part of another character's UTF-8. Appending scalars one by one
        // cost a match report (every row quoted) more than the rest of its writing.
        var quoted: [UInt8] = [0x22]
        quoted.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            if byte == 0x22 { quoted.append(byte) }
            quoted.append(byte)
        }
        quoted.append(0x22)
        return String(decoding: quoted, as: UTF8.self)
    }

    /// One record without its line ending.
    public static func record(_ fields: [String]) -> String {
        if fields.count == 1, fields[0].isEmpty { return "\"\"" }
        return fields.map(field).joined(separator: ",")
    }
}
