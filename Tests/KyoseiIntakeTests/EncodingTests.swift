import Foundation
import KyoseiIntake
import Testing

/// Detection, BOM, CP932 (with half-width katakana and the NEC special characters Japanese
/// government systems use) and refusals of bytes that are neither encoding.
@Suite struct EncodingTests {
    static let japanese = "name,address\r\nｼﾙﾊﾞ ｼﾞｮｱﾝ,\"静岡県浜松市①丁目, ㈱カジマチ\"\r\nグエン・ティ・ラン,中央区鍛冶町\r\n"
    static let expected = [
        ["ｼﾙﾊﾞ ｼﾞｮｱﾝ", "静岡県浜松市①丁目, ㈱カジマチ"],
        ["グエン・ティ・ラン", "中央区鍛冶町"],
    ]

    /// Reads every data record of a file through the whole pipeline's front half.
    func read(_ path: String, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 20) throws -> (FileScan, [[String]]) {
        let scan = try FileScan.scan(path: path, encoding: encoding, chunkSize: chunkSize)
        let reader = try CSVReader(path: path, encoding: scan.encoding, chunkSize: chunkSize)
        return (scan, try records(reader).dropFirst().map(\.fields))
    }

    @Test func utf8IsDetected() throws {
        let folder = try TemporaryFolder()
        let (scan, rows) = try read(folder.write("a.csv", text: Self.japanese))
        #expect(scan.encoding == .utf8)
        #expect(!scan.hasByteOrderMark)
        #expect(scan.byteCount == Self.japanese.utf8.count)
        #expect(rows == Self.expected)
    }

    @Test func utf8ByteOrderMarkIsStripped() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(Self.japanese.utf8))
        for chunkSize in [1, 2, 3, 4, 1 << 20] {
            let scan = try FileScan.scan(path: path, chunkSize: chunkSize)
            #expect(scan.encoding == .utf8)
            #expect(scan.hasByteOrderMark)
            let all = try records(CSVReader(path: path, chunkSize: chunkSize))
            #expect(all.first?.fields == ["name", "address"], "chunk size \(chunkSize)")
            #expect(all.dropFirst().map(\.fields) == Self.expected)
        }
    }

    @Test func cp932IsDetectedAndDecoded() throws {
        let folder = try TemporaryFolder()
        let bytes = try Transcoder.encode(Self.japanese, to: "CP932")
        #expect(bytes.contains(0xB1), "half-width katakana are single bytes in CP932")
        let path = try folder.write("a.csv", bytes: bytes)
        for chunkSize in [1, 2, 3, 7, 1 << 20] {
            let (scan, rows) = try read(path, chunkSize: chunkSize)
            #expect(scan.encoding == .cp932)
            #expect(rows == Self.expected, "chunk size \(chunkSize)")
        }
    }

    /// A roster's tables are sized from the line feeds before a row is read: every one counts,
    /// in UTF-8 and in CP932 (whose second bytes are never 0x0A), whatever the chunks.
    @Test func lineFeedsAreCountedInEitherEncodingWhateverTheChunks() throws {
        let folder = try TemporaryFolder()
        let text = Self.japanese + "a,\"two\nlines\"\nlast line without a line feed"
        for bytes in [Array(text.utf8), try Transcoder.encode(text, to: "CP932")] {
            let path = try folder.write("a.csv", bytes: bytes)
            for chunkSize in [1, 2, 3, 7, 1 << 20] {
                #expect(try FileScan.scan(path: path, chunkSize: chunkSize).lineFeeds == 5, "chunk size \(chunkSize)")
            }
        }
    }

    @Test func overrideReadsAFileAsTheGivenEncoding() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.csv", bytes: try Transcoder.encode(Self.japanese, to: "CP932"))
        let (scan, rows) = try read(path, encoding: .cp932)
        #expect(scan.encoding == .cp932)
        #expect(rows == Self.expected)
        let error = #expect(throws: IntakeError.self) { try FileScan.scan(path: path, encoding: .utf8) }
        #expect(error?.reason.hasPrefix("is not valid UTF-8: byte 0x") == true)
        #expect(error?.line == 2)
    }

    @Test func asciiIsUTF8() throws {
        let folder = try TemporaryFolder()
        #expect(try FileScan.scan(path: folder.write("a.csv", text: "a,b\n1,2\n")).encoding == .utf8)
    }

    @Test func bytesThatAreNeitherEncodingAreRefusedWithOffsetAndLine() throws {
        let folder = try TemporaryFolder()
        // 0xFF is never valid in UTF-8 nor in CP932.
        let path = try folder.write("EMP-2026-05-01.csv", bytes: Array("a,b\n1,2\nx,".utf8) + [0xFF] + Array("\n".utf8))
        let error = #expect(throws: IntakeError.self) { try FileScan.scan(path: path) }
        #expect(error?.file == "EMP-2026-05-01.csv")
        #expect(error?.line == 3)
        #expect(error?.reason == "is neither UTF-8 (byte 0xFF at offset 10 (line 3)) nor Shift_JIS/CP932 (byte 0xFF at offset 10 (line 3))")
    }

    @Test func aFileCutInsideACharacterIsRefused() throws {
        let folder = try TemporaryFolder()
        // "ああ" cut one byte short: UTF-8 breaks at the second あ's first byte; read as CP932,
        // E3 81 and 82 E3 are characters but the final 81 is a lead byte with nothing after it.
        let bytes = Array("a\nああ".utf8).dropLast()
        let error = #expect(throws: IntakeError.self) { try FileScan.scan(path: folder.write("a.csv", bytes: Array(bytes))) }
        #expect(error?.reason == "is neither UTF-8 (byte 0xE3 at offset 5 (line 2)) nor Shift_JIS/CP932 (byte 0x81 at offset 6 (line 2))")
    }

    @Test func cp932CodesOutsideTheTableAreRefused() throws {
        let folder = try TemporaryFolder()
        // 0x85 0x40 has CP932's two-byte shape but no character: iconv refuses it.
        let path = try folder.write("a.csv", bytes: Array("a\n\n".utf8) + [0x85, 0x40])
        let error = #expect(throws: IntakeError.self) { try FileScan.scan(path: path, encoding: .cp932) }
        #expect(error?.line == 3)
        #expect(error?.reason == "is not valid Shift_JIS/CP932: byte 0x85 at offset 3 (line 3)")
    }

    @Test func encodingNamesStaffUseAreUnderstood() {
        #expect(TextEncoding(name: "SJIS") == .cp932)
        #expect(TextEncoding(name: "shift_jis") == .cp932)
        #expect(TextEncoding(name: "utf8") == .utf8)
        #expect(TextEncoding(name: "latin1") == nil)
    }

    @Test func hashIsTheSHA256OfTheBytesOnDisk() throws {
        let folder = try TemporaryFolder()
        let scan = try FileScan.scan(path: folder.write("a.csv", text: "abc"))
        #expect(scan.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
