/// Writes RFC 4180 records, quoting only where a field needs it. The reader skips blank lines,
/// so a record of one empty field is written as `""` to stay a record.
///
/// Records are built as UTF-8 bytes, by byte rather than by Character: a quote followed by a
/// combining mark is one Character, while a quote's byte is never part of another character's
/// UTF-8. A match report (a million rows, most of them quoted) spent as long making each
/// field's string and joining them as on the rest of its writing.
public enum CSVWriter {
    public static func field(_ value: String) -> String {
        var bytes: [UInt8] = []
        append(field: value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One record without its line ending.
    public static func record(_ fields: [String]) -> String {
        var bytes: [UInt8] = []
        append(record: fields, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `record(fields)` appended to `bytes`.
    static func append(record fields: [String], to bytes: inout [UInt8]) {
        appendRecord(count: fields.count, isEmpty: fields.count == 1 && fields[0].isEmpty, to: &bytes) {
            append(field: fields[$0], to: &$1)
        }
    }

    /// `field(value)` appended to `bytes`, after `lead` (inside the quotes, if any) when given.
    static func append(field value: String, lead: UInt8? = nil, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { append(field: $0, lead: lead, to: &bytes) }
    }

    /// A field given as UTF-8, appended as `append(field:lead:to:)` appends a string.
    static func append(field text: UnsafeBufferPointer<UInt8>, lead: UInt8? = nil, to bytes: inout [UInt8]) {
        var needsQuotes = false, hasQuote = false
        for byte in text where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            if byte == 0x22 {
                hasQuote = true
                break
            }
        }
        if needsQuotes { bytes.append(0x22) }
        if let lead { bytes.append(lead) }
        if hasQuote {
            for byte in text {
                if byte == 0x22 { bytes.append(byte) }
                bytes.append(byte)
            }
        } else {
            bytes.append(contentsOf: text)
        }
        if needsQuotes { bytes.append(0x22) }
    }

    /// Fields `0..<count` joined by commas, each appended by `field`; `isEmpty`: the record is
    /// one empty field, written `""`.
    static func appendRecord(count: Int, isEmpty: Bool, to bytes: inout [UInt8],
                             field: (Int, inout [UInt8]) -> Void) {
        if isEmpty {
            bytes.append(contentsOf: [0x22, 0x22])
            return
        }
        for i in 0..<count {
            if i > 0 { bytes.append(0x2C) }
            field(i, &bytes)
        }
    }
}
