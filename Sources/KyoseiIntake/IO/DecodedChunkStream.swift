/// The second pass over a file: its bytes as UTF-8, a chunk at a time, with a UTF-8 byte order
/// mark removed and CP932 converted on the way. The CSV reader below it only ever sees UTF-8.
final class DecodedChunkStream {
    private let reader: FileChunkReader
    private let transcoder: Transcoder?
    private let path: String
    private let fileName: String
    private let chunkSize: Int
    /// The stamp the first pass saw; the file must still be that file when this pass ends.
    private let expected: FileStamp?
    private var bytesRead = 0
    private var lookingForBOM: Bool
    private var head: [UInt8] = []
    private var finished = false

    init(path: String, fileName: String, encoding: TextEncoding, chunkSize: Int, expected: FileStamp?) throws(IntakeError) {
        reader = try FileChunkReader(path: path, fileName: fileName)
        if encoding == .cp932 {
            do {
                transcoder = try Transcoder(from: TextEncoding.cp932.iconvName, to: TextEncoding.utf8.iconvName)
            } catch {
                throw IntakeError(file: fileName, reason: "cannot be decoded: \(error)")
            }
        } else {
            transcoder = nil
        }
        self.path = path
        self.fileName = fileName
        self.chunkSize = max(1, chunkSize)
        self.expected = expected
        lookingForBOM = encoding == .utf8
    }

    /// The next decoded bytes, or nil at the end of the file.
    func next() throws(IntakeError) -> [UInt8]? {
        while !finished {
            let raw = try reader.read(upTo: chunkSize)
            let atEnd = raw.isEmpty
            if atEnd {
                finished = true
                try checkUnchanged()
            }
            bytesRead += raw.count
            var decoded = try decode(raw, final: atEnd)
            if lookingForBOM {
                // The mark may itself be split across reads when chunks are tiny.
                head.append(contentsOf: decoded)
                if head.count < 3 && !atEnd { continue }
                lookingForBOM = false
                if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
                decoded = head
                head = []
            }
            if !decoded.isEmpty { return decoded }
        }
        return nil
    }

    private func decode(_ raw: [UInt8], final: Bool) throws(IntakeError) -> [UInt8] {
        guard let transcoder else { return raw }
        do {
            return try transcoder.convert(raw, final: final)
        } catch {
            let at = try ByteLocation.find(offset: error.offset, path: path, fileName: fileName, chunkSize: chunkSize)
            throw IntakeError(file: fileName, line: at.line, reason: "is not valid Shift_JIS/CP932: \(at.phrase)")
        }
    }

    private func checkUnchanged() throws(IntakeError) {
        guard let expected else { return }
        guard reader.stamp() == expected, bytesRead == expected.size else {
            throw IntakeError(file: fileName, reason: "changed while it was being read; try again once the transfer has finished")
        }
    }
}
