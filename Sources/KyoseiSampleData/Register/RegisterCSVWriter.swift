import Crypto
import Foundation
import KyoseiIntake

/// Streams register rows to a file through a 1 MiB buffer: RFC 4180 quoting only where a
/// field holds a comma, quote or line break, the chosen line ending, transcoding to CP932 on
/// the way out, and the SHA-256 of the bytes as written, so the manifest never needs the file
/// read back. Tracks the line each record starts on, which is what rejects are reported by.
final class RegisterCSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private let transcoder: Transcoder?
    private let newline: [UInt8]
    private(set) var byteCount = 0
    /// Data rows written (the header is not one).
    private(set) var rowCount = 0
    private var nextLine = 1
    private var headerWritten = false

    private static let flushSize = 1 << 20

    init(url: URL, options: RegisterFileOptions) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        handle = try FileHandle(forWritingTo: url)
        transcoder = options.encoding == .cp932 ? try Transcoder(from: "UTF-8", to: "CP932") : nil
        newline = options.lineEnding == .crlf ? [0x0D, 0x0A] : [0x0A]
        buffer.reserveCapacity(Self.flushSize + 4096)
        if options.encoding == .utf8WithBOM { buffer += [0xEF, 0xBB, 0xBF] }
    }

    /// Writes one record and returns the line it starts on (the header is line 1).
    @discardableResult
    func write(_ fields: [String]) throws -> Int {
        let line = nextLine
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(0x2C) }
            append(field)
        }
        buffer += newline
        nextLine += 1
        if headerWritten { rowCount += 1 } else { headerWritten = true }
        if buffer.count >= Self.flushSize { try flush(final: false) }
        return line
    }

    /// Flushes, closes the file and returns the lower-case hex SHA-256 of its bytes.
    func finish() throws -> String {
        try flush(final: true)
        try handle.close()
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private func append(_ field: String) {
        var quote = false
        var lineBreaks = 0
        for byte in field.utf8 {
            switch byte {
            case 0x2C, 0x22, 0x0D: quote = true
            case 0x0A: quote = true; lineBreaks += 1
            default: break
            }
        }
        guard quote else {
            buffer.append(contentsOf: field.utf8)
            return
        }
        buffer.append(0x22)
        for byte in field.utf8 {
            if byte == 0x22 { buffer.append(0x22) }
            buffer.append(byte)
        }
        buffer.append(0x22)
        nextLine += lineBreaks
    }

    private func flush(final: Bool) throws {
        let bytes = try transcoder?.convert(buffer, final: final) ?? buffer
        hasher.update(data: bytes)
        try handle.write(contentsOf: bytes)
        byteCount += bytes.count
        buffer.removeAll(keepingCapacity: true)
    }
}
