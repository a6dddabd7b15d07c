/// A report as one self-contained page for people who open it from a council mail or a shared
/// drive: no script, no external style, font or image, so it looks the same offline and asks no
/// server for anything. The table is the record; the charts repeat it for people who would
/// rather look than read.
enum HTMLReportPage {
    static func html(_ table: ReportTable) -> String {
        let charts = table.rows.isEmpty ? [] : ReportBarChart.charts(for: table)
        var notes = table.notes
        let anyWithheld = (table.rows + [table.total]).contains { $0.cells.contains(.suppressed) }
        if anyWithheld && !notes.contains(where: { $0.hasPrefix("*") }) {
            notes.append("* withheld: a figure small enough to point at someone, or one withheld so that another "
                + "withheld figure cannot be worked out from the total.")
        }
        if !charts.isEmpty {
            notes.append("Each chart has one bar per \(table.rowHeader); the total is not drawn. A withheld figure is "
                + "a gap marked “* withheld”: it is never drawn as a bar, not even an empty one.")
        }
        let title = HTMLText.escaped(table.title)
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            <h1>\(title)</h1>
            <div class="table-wrap">
            <table>
            <caption>Figures by \(HTMLText.escaped(table.rowHeader))</caption>
            <thead>
            <tr><th scope="col">\(HTMLText.escaped(table.rowHeader))</th>
            """
        out += table.columns.map { "<th scope=\"col\" class=\"num\">\(HTMLText.escaped($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        out += table.rows.map(row).joined() + "</tbody>\n<tfoot>\n" + row(table.total) + "</tfoot>\n</table>\n</div>\n"
        if !charts.isEmpty {
            out += "<section class=\"charts\" aria-labelledby=\"charts-heading\">\n<h2 id=\"charts-heading\">Charts</h2>\n"
            out += charts.map { "<figure>\n<figcaption>\(HTMLText.escaped($0.title))</figcaption>\n\($0.svg)\n</figure>\n" }.joined()
            out += "</section>\n"
        }
        out += "<section id=\"notes\" aria-labelledby=\"notes-heading\">\n<h2 id=\"notes-heading\">Notes</h2>\n<ul>\n"
        out += notes.map { "<li>\(HTMLText.escaped($0))</li>\n" }.joined()
        return out + "</ul>\n</section>\n</main>\n</body>\n</html>\n"
    }

    /// A withheld cell shows `*` and says "withheld" to a screen reader, which would read `*` as "star".
    private static func row(_ row: ReportTable.Row) -> String {
        "<tr><th scope=\"row\"\(HTMLText.langAttribute(row.label))>\(HTMLText.escaped(row.label))</th>"
            + row.cells.map { cell in
                switch cell {
                case .suppressed: "<td class=\"num withheld\">*<span class=\"visually-hidden\"> withheld</span></td>"
                case .empty: "<td class=\"num empty\">-</td>"
                case .count, .share: "<td class=\"num\">\(HTMLText.figure(cell))</td>"
                }
            }.joined() + "</tr>\n"
    }

    private static let style = """

        :root { color-scheme: light; color: #1b1f24; background: #fff;
          font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans CJK JP", "Yu Gothic", sans-serif; }
        body { margin: 2rem auto; max-width: 78rem; padding: 0 1rem; line-height: 1.5; }
        h1 { font-size: 1.5rem; margin: 0 0 1rem; }
        h2 { font-size: 1.15rem; margin: 2rem 0 .75rem; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding-bottom: .5rem; }
        th, td { padding: .3rem .75rem; border-bottom: 1px solid #d0d7de; }
        thead th { border-bottom: 2px solid #1b1f24; vertical-align: bottom; text-align: left; }
        th[scope="row"] { text-align: left; font-weight: normal; white-space: nowrap; }
        .num, thead th.num { text-align: right; white-space: nowrap; }
        tfoot th[scope="row"], tfoot td { font-weight: 600; border-top: 2px solid #1b1f24; border-bottom: 0; }
        .withheld { color: #8a4600; font-weight: 600; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 34rem), 1fr)); gap: 1.5rem; }
        .charts h2 { grid-column: 1 / -1; margin-bottom: 0; }
        figure { margin: 0; }
        figcaption { font-weight: 600; margin-bottom: .25rem; }
        svg.chart { display: block; width: 100%; max-width: 720px; height: auto; }
        svg.chart text { font-size: 12px; dominant-baseline: central; fill: #1b1f24; }
        svg.chart .bar { fill: #2f6fb0; }
        svg.chart .grid { stroke: #e4e7eb; }
        svg.chart .axis { stroke: #1b1f24; }
        svg.chart .tick { fill: #57606a; text-anchor: middle; }
        svg.chart .label { text-anchor: end; }
        svg.chart .value.negative { text-anchor: end; }
        svg.chart .withheld { fill: #8a4600; font-style: italic; font-weight: 600; }
        svg.chart .none { fill: #57606a; font-style: italic; }
        @media print { .charts { display: block; } figure { break-inside: avoid; margin-bottom: 1rem; } }

        """
}
