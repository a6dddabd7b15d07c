/// Builds the employment table (hires, separations, late reports and the late, insured and
/// dispatched shares, by group) and applies suppression: a count under the minimum is withheld,
/// and so is a share whose numerator, denominator or remainder is; where a column is left with a
/// single withheld group, the next smallest is withheld too, so the total cannot give it away.
public enum EmploymentTable {
    public static let columns = ["Hires", "Separations", "Late reports", "Late share", "Insured share", "Dispatched share"]

    public static func build(title: String, groupedBy rowHeader: String, groups: [String: EmploymentCounts], minimum: Int) -> ReportTable {
        let labels = groups.keys.sorted()
        let figures = labels.map { Figures(groups[$0]!) }
        var hidden = figures.map { $0.hiddenColumns(minimum: minimum) }
        for column in columns.indices {
            let withheld = hidden.indices.filter { hidden[$0].contains(column) }
            guard withheld.count == 1 else { continue }
            let partner = hidden.indices.filter { !hidden[$0].contains(column) && figures[$0].weight(column) > 0 }
                .min { figures[$0].weight(column) < figures[$1].weight(column) }
            if let partner { hidden[partner].insert(column) }
        }
        let rows = labels.indices.map { i in
            ReportTable.Row(label: labels[i], cells: figures[i].cells(hiding: hidden[i]))
        }
        let total = Figures(groups.values.reduce(EmploymentCounts(), +))
        return ReportTable(
            title: title, rowHeader: rowHeader, columns: columns, rows: rows,
            total: ReportTable.Row(label: "Total", cells: total.cells(hiding: total.hiddenColumns(minimum: minimum))),
            notes: ["* withheld: fewer than \(minimum) notifications, or withheld so that another withheld figure cannot be worked out from the total.",
                    "Late share is of all notifications; insured and dispatched shares are of hires."])
    }

    /// One group's counts and the fractions built on them, column by column.
    struct Figures {
        let counts: EmploymentCounts
        init(_ counts: EmploymentCounts) { self.counts = counts }

        /// Numerator and denominator of each column (a count's denominator is itself).
        func parts(_ column: Int) -> (Int, Int) {
            switch column {
            case 0: (counts.hires, counts.hires)
            case 1: (counts.separations, counts.separations)
            case 2: (counts.late, counts.late)
            case 3: (counts.late, counts.notifications)
            case 4: (counts.insuredHires, counts.hires)
            default: (counts.dispatchedHires, counts.hires)
            }
        }

        func weight(_ column: Int) -> Int { parts(column).1 }

        func hiddenColumns(minimum: Int) -> Set<Int> {
            func small(_ n: Int) -> Bool { n > 0 && n < minimum }
            return Set(EmploymentTable.columns.indices.filter { column in
                let (part, whole) = parts(column)
                return small(whole) || small(part) || small(whole - part) && column >= 3
            })
        }

        func cells(hiding hidden: Set<Int>) -> [ReportTable.Cell] {
            EmploymentTable.columns.indices.map { column in
                let (part, whole) = parts(column)
                if hidden.contains(column) { return .suppressed }
                if column < 3 { return .count(part) }
                return whole == 0 ? .empty : .share(Double(part) / Double(whole))
            }
        }
    }
}
