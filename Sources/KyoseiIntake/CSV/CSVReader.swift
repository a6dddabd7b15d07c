/// A streaming RFC 4180 reader over UTF-8 bytes: quoted fields may hold commas, doubled quotes
/// and line breaks; rows end in CRLF or LF; blank lines between records are skipped. Broken
/// quoting refuses the file with the line and column, because a misread quote shifts every
/// later field and would turn good rows into nonsense rather than into rejects.
///
/// Written here rather than taken from a CSV package: `Scripts/bench-csv.sh` measures it
/// against CSV.swift, which reads the same rows about ten times slower and cannot read CP932.
/// The reader keeps only the unfinished record and the current chunk in memory.
public final class CSVReader {
    public let fileName: String
    private let source: () throws(IntakeError) -> [UInt8]?
    private let maxRecordBytes: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var line = 1
    private var sourceEnded = false
    private var spans: [FieldSpan] = []

    /// Reads a file in the given encoding (no detection: `IntakeReader` does that).
    public convenience init(
        path: String,
        encoding: TextEncoding = .utf8,
        chunkSize: Int = IntakeOptions.defaultChunkSize,
        maxRecordBytes: Int = IntakeOptions.defaultMaxRecordBytes
    ) throws(IntakeError) {
        let name = KyoseiIntake.fileName(ofPath: path)
        let stream = try DecodedChunkStream(path: path, fileName: name, encoding: encoding, chunkSize: chunkSize, expected: nil)
        self.init(fileName: name, maxRecordBytes: maxRecordBytes, source: stream.next)
    }

    /// Reads records from text already in memory, such as a corrected record staff re-submit.
    public convenience init(text: String, fileName: String) {
        var pending: [UInt8]? = Array(text.utf8)
        self.init(fileName: fileName, maxRecordBytes: max(IntakeOptions.defaultMaxRecordBytes, text.utf8.count)) { () throws(IntakeError) in
            defer { pending = nil }
            return pending
        }
    }

    init(fileName: String, maxRecordBytes: Int, source: @escaping () throws(IntakeError) -> [UInt8]?) {
        self.fileName = fileName
        self.maxRecordBytes = maxRecordBytes
        self.source = source
    }

    /// The next record, or nil at the end of the input.
    public func next() throws(IntakeError) -> CSVRecord? {
        while true {
            let scan = buffer.withUnsafeBufferPointer { bytes in
                CSVScanner.scan(bytes, from: position, final: sourceEnded, into: &spans)
            }
            switch scan {
            case let .record(end, next, innerLines):
                let record = makeRecord(end: end)
                position = next
                line += 1 + innerLines
                return record
            case let .blankLine(next):
                position = next
                line += 1
            case .endOfInput:
                return nil
            case let .needMore(openQuote):
                try refill(openQuote: openQuote)
            case let .failure(index, reason):
                throw error(at: index, reason)
            }
        }
    }

    private func refill(openQuote: Int?) throws(IntakeError) {
        if buffer.count - position > maxRecordBytes {
            let limit = "\(maxRecordBytes / 1024) KiB"
            if let openQuote {
                throw error(at: openQuote, "quoted field still open after \(limit) (an unterminated quote?)")
            }
            throw error(at: position, "record is longer than \(limit)")
        }
        if position == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else if position > 0 {
            buffer.removeSubrange(0..<position)
        }
        position = 0
        if let chunk = try source() {
            buffer.append(contentsOf: chunk)
        } else {
            sourceEnded = true
        }
    }

    private func makeRecord(end: Int) -> CSVRecord {
        buffer.withUnsafeBufferPointer { bytes in
            var fields: [String] = []
            fields.reserveCapacity(spans.count)
            for span in spans {
                let slice = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
                fields.append(span.escaped ? unescaped(slice) : String(decoding: slice, as: UTF8.self))
            }
            return CSVRecord(fields: fields, line: line, raw: RecordText(bytes: Array(bytes[position..<end])))
        }
    }

    /// The content of a quoted field with each doubled quote made single.
    private func unescaped(_ slice: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = 0
        while i < slice.count {
            out.append(slice[i])
            i += slice[i] == CSVScanner.quote ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An error at a byte of the unfinished record, with its physical line and its column
    /// counted in characters, so it points at the same place in a UTF-8 or a CP932 file.
    private func error(at index: Int, _ reason: String) -> IntakeError {
        buffer.withUnsafeBufferPointer { bytes in
            var lineNumber = line
            var lineStart = position
            for k in position..<index where bytes[k] == CSVScanner.lineFeed {
                lineNumber += 1
                lineStart = k + 1
            }
            var column = 1
            for k in lineStart..<index where bytes[k] & 0xC0 != 0x80 { column += 1 }
            return IntakeError(file: fileName, line: lineNumber, column: column, reason: reason)
        }
    }
}

/// The last path component, which is what messages name.
func fileName(ofPath path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
}
