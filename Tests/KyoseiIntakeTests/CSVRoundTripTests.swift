import Foundation
import KyoseiIntake
import PropertyBased
import Testing

/// Any table written with correct RFC 4180 quoting reads back as the same table, whatever the
/// cells hold, the line ending, the chunk size, or the encoding.
@Suite struct CSVRoundTripTests {
    /// Pieces cells are built from: delimiters, quotes and line breaks, Japanese in every form
    /// Kyosei meets (kanji, katakana, half-width katakana, NEC specials), all CP932-representable.
    static let pieces = [
        ",", "\"", "\n", "\r\n", " ", "a", "Z", "0", "-", "静岡", "シルバ", "ｼﾞｮｱﾝ", "・", "ー", "①", "㈱", "ハイツ",
    ]
    /// UTF-8 only: characters CP932 has no code for, and a combining mark that may follow a
    /// quote and join it into one Character.
    static let utf8Only = ["é", "Ñ", "😀", "한", "\u{301}"]

    static let anyPieces = pieces + utf8Only
    /// A cell of up to five pieces.
    static let cp932Cell = Gen.int(in: 0...(pieces.count - 1)).map { CSVRoundTripTests.pieces[$0] }.array(of: 0...5)
        .map { $0.joined() }
    static let utf8Cell = Gen.int(in: 0...(anyPieces.count - 1)).map { CSVRoundTripTests.anyPieces[$0] }.array(of: 0...5)
        .map { $0.joined() }

    static func table(columns: Int, cells: [String]) -> [[String]] {
        stride(from: 0, to: cells.count - cells.count % columns, by: columns).map { Array(cells[$0..<($0 + columns)]) }
    }

    static func text(_ table: [[String]], crlf: Bool, finalLineEnd: Bool) -> String {
        let end = crlf ? "\r\n" : "\n"
        return table.map(CSVWriter.record).joined(separator: end) + (finalLineEnd ? end : "")
    }

    @Test func utf8TablesRoundTrip() async throws {
        let folder = try TemporaryFolder()
        await propertyCheck(
            count: 300, input: Gen.int(in: 1...4), Self.utf8Cell.array(of: 1...24),
            Gen.int(in: 1...16), Gen.bool, Gen.bool
        ) { columns, cells, chunkSize, crlf, finalLineEnd in
            let table = Self.table(columns: columns, cells: cells)
            let path = try folder.write("u.csv", text: Self.text(table, crlf: crlf, finalLineEnd: finalLineEnd))
            #expect(try records(CSVReader(path: path, chunkSize: chunkSize)).map(\.fields) == table)
        }
    }

    @Test func cp932TablesRoundTrip() async throws {
        let folder = try TemporaryFolder()
        await propertyCheck(
            count: 300, input: Gen.int(in: 1...4), Self.cp932Cell.array(of: 1...24), Gen.int(in: 1...16), Gen.bool
        ) { columns, cells, chunkSize, crlf in
            let table = Self.table(columns: columns, cells: cells)
            let bytes = try Transcoder.encode(Self.text(table, crlf: crlf, finalLineEnd: true), to: "CP932")
            let path = try folder.write("s.csv", bytes: bytes)
            let scan = try FileScan.scan(path: path, chunkSize: chunkSize)
            let read = try records(CSVReader(path: path, encoding: scan.encoding, chunkSize: chunkSize)).map(\.fields)
            #expect(read == table)
        }
    }

    @Test func recordTextIsTheRecordAsWritten() async throws {
        await propertyCheck(count: 200, input: Gen.int(in: 1...4), Self.cp932Cell.array(of: 1...12)) { columns, cells in
            let table = Self.table(columns: columns, cells: cells)
            let all = try records(CSVReader(text: Self.text(table, crlf: true, finalLineEnd: true), fileName: "t"))
            #expect(all.map(\.text) == table.map(CSVWriter.record))
        }
    }
}
