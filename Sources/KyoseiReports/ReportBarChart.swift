/// One column of a report drawn as horizontal bars, one per group, as inline SVG. The total is
/// not drawn: beside the groups it is made of it would squash every bar. A withheld figure is a
/// gap marked `* withheld` with no bar at all, so a reader can neither mistake it for zero nor
/// measure an estimate off the page.
struct ReportBarChart {
    var id: String
    var title: String
    var rowHeader: String
    var labels: [String]
    var cells: [ReportTable.Cell]
    /// A column of shares runs from 0% to 100%, so two share charts can be compared by eye.
    var isShare: Bool

    static let width = 720.0
    static let top = 28.0
    /// The most Latin letters a label shows; a longer one is shortened.
    static let labelWidth = 28
    /// Room right of the longest bar for its figure.
    static let valueWidth = 100.0

    /// The bars start right of the widest label (8 units a capital letter at the chart's type
    /// size), so short codes such as `BR` leave the bars most of the width.
    var plotX: Double {
        16 + 8 * Double(max(2, min(Self.labelWidth, labels.map(HTMLText.width).max() ?? 0)))
    }

    var plotWidth: Double { Self.width - plotX - Self.valueWidth }

    /// One chart per column, over the table's groups; a column is of shares when any of its cells,
    /// the total's included, is one (its groups may all be withheld).
    static func charts(for table: ReportTable) -> [ReportBarChart] {
        table.columns.indices.map { c in
            ReportBarChart(
                id: "chart-\(c + 1)", title: "\(table.columns[c]) by \(table.rowHeader)", rowHeader: table.rowHeader,
                labels: table.rows.map(\.label), cells: table.rows.map { $0.cells[c] },
                isShare: (table.rows + [table.total]).contains { if case .share = $0.cells[c] { true } else { false } })
        }
    }

    /// The scale's ends and the step between its grid lines.
    var scale: (low: Double, high: Double, step: Double) {
        if isShare { return (0, 1, 0.25) }
        let counts = cells.compactMap { if case .count(let n) = $0 { n } else { nil } }
        let low = min(0, counts.min() ?? 0), high = max(0, counts.max() ?? 0)
        // 1, 2, 5, 10, 20, 50 …: the first that needs at most five grid steps.
        let step = sequence(first: 1) { s in
            var leading = s
            while leading % 10 == 0 { leading /= 10 }
            return leading == 2 ? s / 2 * 5 : s * 2
        }.first { high - low <= 5 * $0 }!
        let lowEnd = low < 0 ? -((-low + step - 1) / step) * step : 0
        let highEnd = max(step, (high + step - 1) / step * step)
        return (Double(lowEnd), Double(highEnd), Double(step))
    }

    /// Rows sit closer together when there are many, so a long list stays one scroll.
    var pitch: Double { labels.count > 30 ? 18 : 24 }

    /// The length of a cell's bar: a count, or a share as a fraction; none for a gap.
    static func value(_ cell: ReportTable.Cell) -> Double? {
        switch cell {
        case .count(let n): Double(n)
        case .share(let s): s
        case .suppressed, .empty: nil
        }
    }

    var height: Double { Self.top + Double(labels.count) * pitch + 8 }

    var svg: String {
        let (low, high, step) = scale
        let (plotX, plotWidth) = (plotX, plotWidth)
        func x(_ value: Double) -> Double { plotX + (value - low) / (high - low) * plotWidth }
        func n(_ value: Double) -> String { String(format1: value) }
        let withheld = cells.filter { $0 == .suppressed }.count
        let range = isShare ? "0% to 100%" : "\(HTMLText.figure(.count(Int(low)))) to \(HTMLText.figure(.count(Int(high))))"
        let description = "One bar per \(rowHeader) (\(labels.count) \(labels.count == 1 ? "group" : "groups"); the total is not drawn), "
            + "scale \(range)." + (withheld == 0 ? "" : " \(withheld) withheld \(withheld == 1 ? "figure is a gap" : "figures are gaps") marked *, with no bar.")
        var out = "<svg class=\"chart\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" viewBox=\"0 0 \(n(Self.width)) \(n(height))\" "
            + "width=\"\(n(Self.width))\" height=\"\(n(height))\">\n"
            + "<title id=\"\(id)-title\">\(HTMLText.escaped(title))</title>\n"
            + "<desc id=\"\(id)-desc\">\(HTMLText.escaped(description))</desc>\n"
        for tick in stride(from: low, through: high + step / 2, by: step) {
            let label = isShare ? "\(Int((tick * 100).rounded()))%" : HTMLText.figure(.count(Int(tick)))
            out += "<line class=\"grid\" x1=\"\(n(x(tick)))\" y1=\"\(n(Self.top - 6))\" x2=\"\(n(x(tick)))\" y2=\"\(n(height - 4))\"/>"
                + "<text class=\"tick\" x=\"\(n(x(tick)))\" y=\"\(n(Self.top - 16))\">\(label)</text>\n"
        }
        out += "<line class=\"axis\" x1=\"\(n(x(0)))\" y1=\"\(n(Self.top - 6))\" x2=\"\(n(x(0)))\" y2=\"\(n(height - 4))\"/>\n"
        for (i, label) in labels.enumerated() {
            let middle = Self.top + (Double(i) + 0.5) * pitch
            let shown = HTMLText.shortened(label, width: Self.labelWidth)
            let lang = HTMLText.langAttribute(label)
            out += "<text class=\"label\" x=\"\(n(plotX - 8))\" y=\"\(n(middle))\"\(lang)>\(HTMLText.escaped(shown))"
                + (shown == label ? "" : "<title>\(HTMLText.escaped(label))</title>") + "</text>"
            let figure = HTMLText.figure(cells[i])
            if let value = Self.value(cells[i]) {
                let (start, end) = (min(x(0), x(value)), max(x(0), x(value)))
                out += "<rect class=\"bar\" x=\"\(n(start))\" y=\"\(n(middle - pitch / 2 + 4))\" width=\"\(n(end - start))\" height=\"\(n(pitch - 8))\">"
                    + "<title\(lang)>\(HTMLText.escaped(label)): \(figure)</title></rect>"
                    + (value < 0
                        ? "<text class=\"value negative\" x=\"\(n(start - 4))\" y=\"\(n(middle))\">\(figure)</text>\n"
                        : "<text class=\"value\" x=\"\(n(end + 4))\" y=\"\(n(middle))\">\(figure)</text>\n")
            } else if cells[i] == .suppressed {
                out += "<text class=\"withheld\" x=\"\(n(x(0) + 4))\" y=\"\(n(middle))\">* withheld</text>\n"
            } else {
                out += "<text class=\"none\" x=\"\(n(x(0) + 4))\" y=\"\(n(middle))\">- (none to take a share of)</text>\n"
            }
        }
        return out + "</svg>"
    }
}
