import Crypto

/// What the first pass over a file learns before any row is read: its SHA-256 (for the
/// manifest and for recognising a file sent twice), its size and its encoding. A file that is
/// valid UTF-8 is UTF-8; otherwise it must be valid CP932; otherwise it is refused here, before
/// a single row reaches the caller.
public struct FileScan: Sendable, Equatable {
    public let fileName: String
    /// Lower-case hex SHA-256 of the file's bytes as they are on disk (BOM included).
    public let sha256: String
    public let byteCount: Int
    /// How many line feeds it holds: no fewer than the rows under its header (a quoted field
    /// may hold more), so that a caller can size a table for its rows before reading them.
    public let lineFeeds: Int
    public let encoding: TextEncoding
    public let hasByteOrderMark: Bool
    let stamp: FileStamp

    /// Hashes a file and detects its encoding without parsing it, for a caller that only needs
    /// to know whether it has seen these bytes before.
    public static func scan(
        path: String, encoding: TextEncoding? = nil, chunkSize: Int = IntakeOptions.defaultChunkSize
    ) throws(IntakeError) -> FileScan {
        try scan(path: path, fileName: KyoseiIntake.fileName(ofPath: path), override: encoding, chunkSize: max(1, chunkSize))
    }

    /// Reads the file once. With `override`, the file must be valid in that encoding and no
    /// detection is done.
    static func scan(path: String, fileName: String, override: TextEncoding?, chunkSize: Int) throws(IntakeError) -> FileScan {
        let reader = try FileChunkReader(path: path, fileName: fileName)
        let before = reader.stamp()
        var hasher = SHA256()
        var utf8 = UTF8Validator()
        var cp932 = CP932Check(enabled: override != .utf8, fileName: fileName)
        let checkUTF8 = override != .cp932
        var head: [UInt8] = []
        var total = 0
        var lineFeeds = 0
        while true {
            let chunk = try reader.read(upTo: chunkSize)
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
            if head.count < 3 { head.append(contentsOf: chunk.prefix(3 - head.count)) }
            if checkUTF8 { chunk.withUnsafeBufferPointer { utf8.feed($0) } }
            lineFeeds += chunk.withUnsafeBufferPointer { bytes in bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            try cp932.feed(chunk, at: total)
            total += chunk.count
        }
        utf8.finish()
        cp932.finish()
        let after = reader.stamp()
        guard after == before, after.size == total else {
            throw IntakeError(file: fileName, reason: "changed while it was being read; try again once the transfer has finished")
        }

        func locate(_ offset: Int) throws(IntakeError) -> ByteLocation {
            try ByteLocation.find(offset: offset, path: path, fileName: fileName, chunkSize: chunkSize)
        }
        let encoding: TextEncoding
        switch (override, utf8.failureOffset, cp932.failureOffset) {
        case (.utf8, let bad?, _):
            let at = try locate(bad)
            throw IntakeError(file: fileName, line: at.line, reason: "is not valid UTF-8: \(at.phrase)")
        case (.cp932, _, let bad?):
            let at = try locate(bad)
            throw IntakeError(file: fileName, line: at.line, reason: "is not valid Shift_JIS/CP932: \(at.phrase)")
        case let (override?, _, _):
            encoding = override
        case (nil, nil, _):
            encoding = .utf8
        case (nil, _?, nil):
            encoding = .cp932
        case let (nil, asUTF8?, asCP932?):
            let u = try locate(asUTF8), c = try locate(asCP932)
            throw IntakeError(
                file: fileName, line: u.offset >= c.offset ? u.line : c.line,
                reason: "is neither UTF-8 (\(u.phrase)) nor Shift_JIS/CP932 (\(c.phrase))")
        }
        return FileScan(
            fileName: fileName,
            sha256: hasher.finalize().map { byte in
                let hex = String(byte, radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined(),
            byteCount: total,
            lineFeeds: lineFeeds,
            encoding: encoding,
            hasByteOrderMark: encoding == .utf8 && head == [0xEF, 0xBB, 0xBF],
            stamp: after)
    }
}

/// Validates CP932 through iconv alongside the UTF-8 check. It starts at the first non-ASCII
/// byte (an ASCII prefix is valid in both encodings) and stops at the first fault, so a plain
/// ASCII or a UTF-8 file costs almost nothing here.
private struct CP932Check {
    private(set) var failureOffset: Int?
    private var enabled: Bool
    private var transcoder: Transcoder?
    private var start = 0
    private let fileName: String

    init(enabled: Bool, fileName: String) {
        self.enabled = enabled
        self.fileName = fileName
    }

    mutating func feed(_ chunk: [UInt8], at offset: Int) throws(IntakeError) {
        guard enabled else { return }
        let active: Transcoder
        var bytes = chunk[...]
        if let transcoder {
            active = transcoder
        } else if let first = chunk.firstIndex(where: { $0 >= 0x80 }) {
            active = try Self.makeTranscoder(fileName: fileName)
            transcoder = active
            start = offset + first
            bytes = chunk[first...]
        } else {
            return
        }
        do {
            _ = try active.convert(bytes)
        } catch {
            fail(error)
        }
    }

    mutating func finish() {
        guard enabled, let transcoder else { return }
        do {
            _ = try transcoder.convert([UInt8](), final: true)
        } catch {
            fail(error)
        }
    }

    private mutating func fail(_ failure: Transcoder.Failure) {
        failureOffset = start + failure.offset
        enabled = false
    }

    static func makeTranscoder(fileName: String) throws(IntakeError) -> Transcoder {
        do {
            return try Transcoder(from: TextEncoding.cp932.iconvName, to: TextEncoding.utf8.iconvName)
        } catch {
            throw IntakeError(file: fileName, reason: "cannot be decoded: \(error)")
        }
    }
}
