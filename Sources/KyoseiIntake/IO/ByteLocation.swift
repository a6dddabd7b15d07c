/// Where a byte offset falls in a file, found by reading the file again. Encoding faults are
/// reported by byte offset while scanning, and only a refused file needs the line number, so
/// the happy path never pays for counting lines.
struct ByteLocation {
    let offset: Int
    /// Physical line (1-based) holding the byte.
    let line: Int
    /// The offending byte itself, for the message; nil if the file has since become shorter.
    let byte: UInt8?

    static func find(offset: Int, path: String, fileName: String, chunkSize: Int) throws(IntakeError) -> ByteLocation {
        let reader = try FileChunkReader(path: path, fileName: fileName)
        var line = 1
        var seen = 0
        while seen <= offset {
            let chunk = try reader.read(upTo: chunkSize)
            if chunk.isEmpty { break }
            let wanted = min(chunk.count, offset - seen)
            for b in chunk[0..<wanted] where b == 0x0A { line += 1 }
            if wanted < chunk.count { return ByteLocation(offset: offset, line: line, byte: chunk[wanted]) }
            seen += chunk.count
        }
        return ByteLocation(offset: offset, line: line, byte: nil)
    }

    /// "byte 0x85 at offset 1234 (line 5)": the first byte of the sequence that is not valid.
    var phrase: String {
        guard let byte else { return "offset \(offset) (line \(line))" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset) (line \(line))"
    }
}
