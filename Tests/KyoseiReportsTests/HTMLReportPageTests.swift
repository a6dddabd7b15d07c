@testable import KyoseiReports
import PropertyBased
import Testing

@Suite struct HTMLReportPageTests {
    func page(_ table: ReportTable) throws -> String {
        String(decoding: try ReportFormat.html.render(table), as: UTF8.self)
    }

    func occurrences(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// The names in every tag as written (`td`, `/td`, `!DOCTYPE` …), in order. Scalar by scalar
    /// as a parser reads, so a combining mark after `>` cannot hide the `>` from the count.
    static func tags(_ html: String) -> [String] {
        html.unicodeScalars.split(separator: "<", omittingEmptySubsequences: false).dropFirst()
            .map { String(String.UnicodeScalarView($0.prefix { !" >\n".unicodeScalars.contains($0) })) }
    }

    static func count(_ scalar: Unicode.Scalar, in html: String) -> Int {
        html.unicodeScalars.filter { $0 == scalar }.count
    }

    /// A plain label the page treats as it treats `label`: Japanese or not, shortened in a chart or not.
    static func plain(_ label: String) -> String {
        (HTMLText.langAttribute(label).isEmpty ? "l" : "静")
            + (HTMLText.shortened(label, width: ReportBarChart.labelWidth) == label ? "" : String(repeating: "l", count: 40))
    }

    static let population = PopulationTable.build(
        title: "Foreign residents by nationality", groupedBy: "nationality",
        groups: ["BR": 12_345, "VN": 10, "PE": 3, "NP": 0, "ブラジル": 600], minimum: 5)

    @Test func aSelfContainedPageWithAnAccessibleTable() throws {
        let html = try page(Self.population)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Foreign residents by nationality</title>"))
        #expect(html.contains("<caption>Figures by nationality</caption>"))
        #expect(html.contains("<tr><th scope=\"col\">nationality</th><th scope=\"col\" class=\"num\">Residents</th><th scope=\"col\" class=\"num\">Share</th></tr>"))
        #expect(occurrences("<th scope=\"row\"", in: html) == 6, "five groups and the total")
        #expect(html.contains("<tfoot>\n<tr><th scope=\"row\">Total</th>"))
        #expect(html.contains("<th scope=\"row\" lang=\"ja\">ブラジル</th>"))
        for outside in ["<script", "<link", "<img", "src=", "href=\"http", "url(", "@import", "@font-face"] {
            #expect(!html.contains(outside), "\(outside) would reach outside the page")
        }
    }

    @Test func countsAreGroupedAndSharesArePercentages() throws {
        let html = try page(Self.population)
        #expect(html.contains("<tr><th scope=\"row\">BR</th><td class=\"num\">12,345</td><td class=\"num\">95.3%</td></tr>"))
        #expect(html.contains("<tr><th scope=\"row\">NP</th><td class=\"num\">0</td><td class=\"num\">0.0%</td></tr>"))
        #expect(html.contains("<td class=\"num\">12,958</td><td class=\"num\">100.0%</td>"))
        #expect(HTMLText.figure(.count(-1_234_567)) == "-1,234,567")
        #expect(HTMLText.figure(.count(999)) == "999")
        #expect(HTMLText.figure(.share(0.125)) == "12.5%")
    }

    @Test func withheldCellsAreStarsExplainedAndNeverBars() throws {
        let table = Self.population
        let withheld = table.rows.filter { $0.cells[0] == .suppressed }.map(\.label)
        #expect(withheld.sorted() == ["PE", "VN"])
        let html = try page(table)
        #expect(occurrences("<td class=\"num withheld\">*<span class=\"visually-hidden\"> withheld</span></td>", in: html) == 4)
        #expect(html.contains("<li>* withheld: fewer than 5 residents"))
        #expect(occurrences("<svg class=\"chart\"", in: html) == 2)
        #expect(occurrences("<rect class=\"bar\"", in: html) == 2 * 3, "a bar per published group, per column")
        #expect(occurrences(">* withheld</text>", in: html) == 2 * 2)
        for label in withheld { #expect(!html.contains("<title>\(label): "), "\(label) has a bar") }
        #expect(html.contains("2 withheld figures are gaps marked *, with no bar."))
    }

    @Test func aTableWithoutItsOwnExplanationStillExplainsTheStar() throws {
        var table = Self.population
        table.notes = []
        #expect(try page(table).contains("<li>* withheld: a figure small enough to point at someone"))
        table.rows = table.rows.filter { !$0.cells.contains(.suppressed) }
        table.total.cells = [.count(12_945), .share(1)]
        #expect(!(try page(table)).contains("<li>* withheld"))
    }

    @Test func barsAreToScaleAndTheTotalIsNotDrawn() throws {
        let table = PopulationTable.build(title: "t", groupedBy: "district", groups: ["A": 50, "B": 50], minimum: 5)
        let charts = ReportBarChart.charts(for: table)
        #expect(charts.map(\.title) == ["Residents by district", "Share by district"])
        #expect(charts[0].scale == (0, 50, 10))
        #expect(charts[1].scale == (0, 1, 0.25))
        let shareChart = charts[1].svg
        #expect(charts[1].plotX == 32 && charts[1].plotWidth == 588)
        #expect(occurrences("width=\"294.0\"", in: shareChart) == 2, "50% is half the plot")
        #expect(shareChart.contains(">100%</text>") && shareChart.contains(">25%</text>"))
        #expect(!shareChart.contains("Total"))
        var allWithheld = table
        allWithheld.rows = table.rows.map { ReportTable.Row(label: $0.label, cells: [.suppressed, .suppressed]) }
        #expect(ReportBarChart.charts(for: allWithheld).map(\.isShare) == [false, true], "the total tells a share column")
        #expect(charts[0].svg.contains("role=\"img\" aria-labelledby=\"chart-1-title chart-1-desc\""))
        #expect(charts[0].svg.contains("<title id=\"chart-1-title\">Residents by district</title>"))
    }

    @Test func oneGroupOrManyGroupsStayReadable() throws {
        let one = PopulationTable.build(title: "t", groupedBy: "district", groups: ["A": 7], minimum: 5)
        let single = ReportBarChart.charts(for: one)[0]
        #expect(single.height == 28 + 24 + 8)
        #expect(single.svg.contains("(1 group; the total is not drawn)"))
        let many = PopulationTable.build(
            title: "t", groupedBy: "nationality",
            groups: Dictionary(uniqueKeysWithValues: (0..<200).map { ("N\($0)", 100 + $0 * 37) }), minimum: 5)
        let tall = ReportBarChart.charts(for: many)[0]
        #expect(tall.height == 28 + 200 * 18 + 8)
        #expect(occurrences("<rect class=\"bar\"", in: tall.svg) == 200)
        #expect(tall.scale == (0, 8000, 2000))
        let none = PopulationTable.build(title: "t", groupedBy: "district", groups: [:], minimum: 5)
        let empty = try page(none)
        #expect(!empty.contains("<svg") && empty.contains("<tbody>\n</tbody>"))
    }

    @Test func negativeFiguresGrowLeftFromZero() throws {
        let chart = ReportBarChart(id: "c", title: "difference", rowHeader: "grade", labels: ["1", "2"], cells: [.count(-4), .count(16)], isShare: false)
        #expect(chart.scale == (-5, 20, 5))
        #expect(chart.svg.contains("<rect class=\"bar\" x=\"55.5\" y=\"32.0\" width=\"94.1\""))
        #expect(chart.svg.contains("<text class=\"value negative\" x=\"51.5\""))
        #expect(chart.svg.contains("<line class=\"axis\" x1=\"149.6\""))
    }

    @Test func longAndJapaneseLabelsAreShortenedWithTheirFullText() throws {
        #expect(HTMLText.shortened("Designated Activities (Highly Skilled)", width: 28) == "Designated Activities (High…")
        #expect(HTMLText.shortened("静岡県浜松市中央区元城町一丁目", width: 12) == "静岡県浜松…")
        #expect(HTMLText.shortened("BR", width: 28) == "BR")
        let chart = ReportBarChart(id: "c", title: "t", rowHeader: "status", labels: ["Designated Activities (Highly Skilled)"], cells: [.count(9)], isShare: false)
        #expect(chart.plotX == 16 + 8 * 28, "the bars start right of the longest label as shown")
        #expect(HTMLText.width("静岡 BR") == 7)
        #expect(chart.svg.contains(">Designated Activities (High…<title>Designated Activities (Highly Skilled)</title></text>"))
        #expect(HTMLText.langAttribute("ﾌﾞﾗｼﾞﾙ") == " lang=\"ja\"" && HTMLText.langAttribute("Brasil") == "")
    }

    @Test func theFiveCharactersAndControlsAreEscaped() {
        #expect(HTMLText.escaped("<a href=\"x\" title='y'>&amp;</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;")
        #expect(HTMLText.escaped("a\u{0}b\u{1B}c\u{85}d\te") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te")
    }

    /// Pieces labels are built from: markup, quotes of both kinds, references, comment and CDATA
    /// openers, Japanese in every width, controls, and a combining mark that may join a quote.
    static let pieces = [
        "<", ">", "&", "\"", "'", "<script>alert(1)</script>", "</td>", "</svg>", "<!--", "-->", "<![CDATA[", "]]>",
        "&amp;", "&#60;", "&lt", " onload=x ", "=", "/", "`", "静岡", "シルバ", "ｼﾞｮｱﾝ", "ＡＢ", "😀", "\u{301}", "\u{0}",
        "\u{7}", "\n", "Ñ", "a", "0", " ",
    ]
    static let text = Gen.int(in: 0...(pieces.count - 1)).map { HTMLReportPageTests.pieces[$0] }.array(of: 0...8).map { $0.joined() }

    /// Whatever the labels hold, the page has the same elements and attributes as one whose labels
    /// are plain letters: every `<`, `>` and quote in it is the page's own, and every `&` starts a
    /// reference, so no label can open an element, close one early, or add an attribute.
    @Test func noLabelCanInjectMarkup() async {
        await propertyCheck(count: 300, input: Self.text.array(of: 7...7), Self.text.array(of: 1...4), Gen.int(in: 0...3)) { texts, labels, which in
            let hostile = ReportTable(
                title: texts[0], rowHeader: texts[1], columns: [texts[2], texts[3]],
                rows: labels.enumerated().map { ReportTable.Row(label: $1, cells: [$0 == which ? .suppressed : .count($0 * 7), .share(0.5)]) },
                total: ReportTable.Row(label: texts[4], cells: [.count(99), .share(1)]), notes: [texts[5], texts[6]])
            var plain = hostile
            plain.title = "t"
            plain.rowHeader = "h"
            plain.columns = ["c", "d"]
            plain.rows = plain.rows.map { ReportTable.Row(label: Self.plain($0.label), cells: $0.cells) }
            plain.total.label = Self.plain(plain.total.label)
            plain.notes = hostile.notes.map { $0.hasPrefix("*") ? "* n" : "m" }
            let html = try page(hostile), expected = try page(plain)
            #expect(Self.tags(html) == Self.tags(expected))
            for c: Unicode.Scalar in ["<", ">", "\"", "'"] {
                #expect(Self.count(c, in: html) == Self.count(c, in: expected), "\(c) in \(labels)")
            }
            let references = ["amp;", "lt;", "gt;", "quot;", "#39;"].map { Array($0.unicodeScalars) }
            for piece in html.unicodeScalars.split(separator: "&", omittingEmptySubsequences: false).dropFirst() {
                #expect(references.contains { piece.starts(with: $0) }, "a bare & before \(String(String.UnicodeScalarView(piece.prefix(12))))")
            }
            #expect(!html.unicodeScalars.contains { $0.value < 0x20 && !["\n", "\t", "\r"].contains($0) })
        }
    }
}
