import Foundation
import Testing

/// The HTML page of a report, written by the real binary and opened in a real browser.
@Suite struct HTMLReportTests {
    /// A city with its register applied, as every report reads it.
    func registeredCity() throws -> KyoseiBinary {
        let kyosei = try KyoseiBinary()
        try kyosei.run("init")
        let snapshot = try ReportCommandTests.city.writeSnapshot(to: kyosei.folder, sequence: 1)
        #expect(try kyosei.run("sync", "register", snapshot.csvURL.path).status == 0)
        return kyosei
    }

    /// The names of the start tags, in document order: if the parser had to move, add or drop
    /// an element to make sense of the page, the browser's list differs from the file's.
    static func startTags(_ html: String) -> [String] {
        html.split(separator: "<", omittingEmptySubsequences: false).dropFirst()
            .map { String($0.prefix { !" >\n/".contains($0) }) }
            .filter { !$0.isEmpty && !$0.hasPrefix("!") }
    }

    /// The rows of a Markdown report, label then cells, the total last.
    static func markdownRows(_ md: String) -> [[String]] {
        md.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst()
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    @Test func everyReportCommandWritesAPage() throws {
        let kyosei = try registeredCity()
        for report in [["population"], ["coverage"], ["employment", "--period", "2026"], ["schooling"]] {
            let page = try kyosei.run(["report"] + report + ["--format", "html"])
            #expect(page.status == 0, "\(report): \(page.stderr)")
            #expect(page.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(report)")
            #expect(page.stdout.hasSuffix("</html>\n"), "\(report)")
            #expect(try kyosei.run(["report"] + report + ["--help"]).stdout.contains("html"), "\(report) --help")
        }
        let typo = try kyosei.run("report", "population", "--format", "htm")
        #expect(typo.status == 1 && typo.stderr.contains("must be csv, json, md or html"), "\(typo.stderr)")
    }

    @Test(RequiredTool.enabled(HeadlessBrowser.installed != nil,
                               "no headless browser on the PATH (chromium): Scripts/test.sh installs Debian's chromium"))
    func aBrowserBuildsThePageAsWrittenAndDrawsIt() throws {
        let browser = try #require(HeadlessBrowser.installed, "CI is set and no headless browser (chromium) is on the PATH")
        let kyosei = try registeredCity()
        let page = kyosei.folder.appendingPathComponent("population.html")
        let arguments = ["report", "population", "--as-of", "2026-11-01", "--by", "nationality"]
        let written = try kyosei.run(arguments + ["--format", "html", "--out", page.path])
        #expect(written.status == 0, "\(written.stderr)")
        let rows = Self.markdownRows(try kyosei.run(arguments + ["--format", "md"]).stdout)
        let groups = rows.dropLast()
        let withheld = groups.flatMap { $0.dropFirst() }.filter { $0 == "*" }.count
        let published = groups.flatMap { $0.dropFirst() }.filter { $0 != "*" && $0 != "-" }.count
        try #require(groups.count > 3 && withheld > 0, "the sample city gives several nationalities and some small ones")

        let source = try String(contentsOf: page, encoding: .utf8)
        let dom = try browser.dom(of: page, in: kyosei)
        #expect(dom.hasPrefix("<!DOCTYPE html>"), "\(dom.prefix(200))")
        #expect(Self.startTags(dom) == Self.startTags(source), "the browser rebuilt the page differently from how it was written")
        #expect(dom.components(separatedBy: "<tr>").count - 1 == rows.count + 1, "the header, a row per group and the total")
        for row in rows {
            let cells = row.dropFirst().map { cell in
                switch cell {
                case "*": "<td class=\"num withheld\">*<span class=\"visually-hidden\"> withheld</span></td>"
                case "-": "<td class=\"num empty\">-</td>"
                default: "<td class=\"num\">\(cell)</td>"
                }
            }
            #expect(dom.contains("<tr><th scope=\"row\">\(row[0])</th>" + cells.joined() + "</tr>"), "\(row)")
        }
        #expect(dom.components(separatedBy: "<svg class=\"chart\" role=\"img\"").count - 1 == 2, "one chart per column")
        #expect(dom.components(separatedBy: "<rect class=\"bar\"").count - 1 == published, "a bar per published figure")
        #expect(dom.components(separatedBy: "<text class=\"withheld\"").count - 1 == withheld, "a marked gap per withheld figure")

        // A label that is Japanese and markup at once, as a tampered or careless register might
        // give: the browser shows it as text and builds no element from it.
        let label = "静岡 <script>alert(\"x\")</script> & 'D01'"
        try kyosei.sqlite("UPDATE resident SET district_code = '\(label.replacingOccurrences(of: "'", with: "''"))' WHERE district_code = 'D01'")
        let hostile = kyosei.folder.appendingPathComponent("districts.html")
        #expect(try kyosei.run("report", "population", "--by", "district", "--format", "html", "--out", hostile.path).status == 0)
        let hostileDOM = try browser.dom(of: hostile, in: kyosei)
        #expect(Self.startTags(hostileDOM) == Self.startTags(try String(contentsOf: hostile, encoding: .utf8)))
        #expect(!Self.startTags(hostileDOM).contains("script"))
        #expect(hostileDOM.contains("<th scope=\"row\" lang=\"ja\">静岡 &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'D01'</th>"))

        let screenshot = kyosei.folder.appendingPathComponent("population.png")
        try browser.screenshot(of: page, to: screenshot, width: 1280, height: 1600, in: kyosei)
        let blankPage = kyosei.folder.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>blank</title></html>".write(to: blankPage, atomically: true, encoding: .utf8)
        let blank = kyosei.folder.appendingPathComponent("blank.png")
        try browser.screenshot(of: blankPage, to: blank, width: 1280, height: 1600, in: kyosei)
        let png = [UInt8](try Data(contentsOf: screenshot)), blankPNG = [UInt8](try Data(contentsOf: blank))
        #expect(png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let size = { (at: Int) in png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect((size(16), size(20)) == (1280, 1600))
        // A white window compresses to little (about 9 KB here); text, rules and bars do not
        // (about 100 KB here), whatever fonts the machine has.
        #expect(png.count > 4 * blankPNG.count, "\(png.count) bytes against \(blankPNG.count) for a blank page")
    }
}
