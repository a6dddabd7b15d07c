import Foundation
import KyoseiIntake
import Testing

/// RFC 4180 as the reader implements it: quoting, line ends, line numbers, raw text, chunk
/// boundaries anywhere, and every kind of broken quoting refused with its line and column.
@Suite struct CSVReaderTests {
    func read(_ text: String, chunkSize: Int = 1 << 20) throws -> [CSVRecord] {
        let folder = try TemporaryFolder()
        return try records(CSVReader(path: folder.write("t.csv", text: text), chunkSize: chunkSize))
    }

    func failure(_ text: String, chunkSize: Int = 1 << 20) throws -> IntakeError? {
        let folder = try TemporaryFolder()
        let path = try folder.write("REG-221309-000003.csv", text: text)
        return #expect(throws: IntakeError.self) { try records(CSVReader(path: path, chunkSize: chunkSize)) }
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nplain,,\"\"\r\n"
        let all = try read(text)
        #expect(all.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\r\nlines"], ["plain", "", ""]])
        #expect(all.map(\.line) == [1, 2, 4])
        #expect(all[1].text == "\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"")
    }

    @Test func lineFeedAndCRLFEndRowsAlikeAndTheLastNeedsNoEnd() throws {
        #expect(try read("a,b\n1,2\r\n3,4").map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(try read("a,b\n1,").map(\.fields) == [["a", "b"], ["1", ""]])
        #expect(try read("a,\"b\"").map(\.fields) == [["a", "b"]])
    }

    @Test func blankLinesAreNotRecordsButCountAsLines() throws {
        let all = try read("a\n\n\r\nb\n\n")
        #expect(all.map(\.fields) == [["a"], ["b"]])
        #expect(all.map(\.line) == [1, 4])
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try read("").isEmpty)
    }

    @Test func aLoneEmptyFieldIsWrittenQuotedAndReadBack() throws {
        #expect(CSVWriter.record([""]) == "\"\"")
        #expect(try read(CSVWriter.record([""]) + "\n").map(\.fields) == [[""]])
    }

    /// Every chunk size from 1 byte up puts a boundary inside a multi-byte character, inside a
    /// quoted field, between a quote and its double, and between CR and LF.
    @Test(arguments: 1...12)
    func chunkBoundariesFallAnywhere(chunkSize: Int) throws {
        let text = "名前,住所\r\n\"シルバ, ｼﾞｮｱﾝ\",\"静岡県\r\n\"\"浜松\"\"①\"\r\nグエン,㈱\r\n"
        let expected = [["名前", "住所"], ["シルバ, ｼﾞｮｱﾝ", "静岡県\r\n\"浜松\"①"], ["グエン", "㈱"]]
        let all = try read(text, chunkSize: chunkSize)
        #expect(all.map(\.fields) == expected)
        #expect(all.map(\.line) == [1, 2, 4])
        let folder = try TemporaryFolder()
        let path = try folder.write("cp932.csv", bytes: Transcoder.encode(text, to: "CP932"))
        #expect(try records(CSVReader(path: path, encoding: .cp932, chunkSize: chunkSize)).map(\.fields) == expected)
    }

    @Test func unterminatedQuoteIsRefusedWhereItOpens() throws {
        let error = try failure("a,b\n1,2\nxyz,\"open\nstill open\n")
        #expect(error?.description == "REG-221309-000003.csv line 3, column 5: unterminated quoted field (the quote that opens here is never closed)")
    }

    @Test func quoteInsideAnUnquotedFieldIsRefused() throws {
        let error = try failure("a,b\n静岡\"x\",2\n")
        #expect(error?.line == 2)
        #expect(error?.column == 3)
        #expect(error?.reason.hasPrefix("quote inside an unquoted field") == true)
    }

    @Test func garbageAfterAClosingQuoteIsRefused() throws {
        let error = try failure("a,b\n\"one\r\ntwo\"x,2\n")
        #expect(error?.line == 3)
        #expect(error?.column == 5)
        #expect(error?.reason.hasPrefix("unexpected character after a closing quote") == true)
    }

    @Test func aCarriageReturnMustBeFollowedByALineFeed() throws {
        let error = try failure("a,b\r1,2\n")
        #expect(error?.line == 1)
        #expect(error?.column == 4)
        #expect(error?.reason == "carriage return not followed by a line feed")
    }

    @Test(arguments: [1, 3, 1 << 20])
    func refusalsDoNotDependOnChunks(chunkSize: Int) throws {
        #expect(try failure("a\n\"x", chunkSize: chunkSize)?.line == 2)
        #expect(try failure("a\n\"x\"\"", chunkSize: chunkSize)?.reason.hasPrefix("unterminated") == true)
        #expect(try failure("a\nx\r", chunkSize: chunkSize)?.column == 2)
    }

    @Test func anOverlongRecordIsRefusedRatherThanFillingMemory() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("big.csv", text: "a\n\"" + String(repeating: "x", count: 5000) + "\n")
        let error = #expect(throws: IntakeError.self) {
            try records(CSVReader(path: path, chunkSize: 512, maxRecordBytes: 2048))
        }
        #expect(error?.line == 2)
        #expect(error?.column == 1)
        #expect(error?.reason == "quoted field still open after 2 KiB (an unterminated quote?)")
    }

    @Test func readsTextInMemory() throws {
        let reader = CSVReader(text: "1,\"a\nb\"", fileName: "fix")
        #expect(try reader.next() == CSVRecord(fields: ["1", "a\nb"], line: 1, text: "1,\"a\nb\""))
        #expect(try reader.next() == nil)
    }

    @Test func writerQuotesOnlyWhereNeeded() {
        #expect(CSVWriter.record(["a", "b c", "d,e", "say \"x\"", "1\n2", ""]) == "a,b c,\"d,e\",\"say \"\"x\"\"\",\"1\n2\",")
    }
}
