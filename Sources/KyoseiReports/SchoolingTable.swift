import KyoseiDomain

/// Builds the MEXT enrollment table: per group and school level the register's head-count, each
/// class, and the difference against the head-count. Counts under the minimum are withheld, and
/// as in `CoverageTable` a lone withheld cell in a column (or among a row's classes) takes a second
/// one with it so it cannot be worked out from the totals; a difference is withheld with any of
/// the counts it is made of.
public enum SchoolingTable {
    static let counted: [MextClass?] = [nil] + MextClass.allCases

    public static func build(title: String, groupedBy rowHeader: String, groups: [String: [SchoolLevel: SchoolingCounts]],
                             minimum: Int) -> ReportTable {
        let labels = groups.keys.sorted()
        var columns: [String] = []
        for level in SchoolLevel.allCases {
            columns += ["\(level) register"] + MextClass.allCases.map { "\(level) \($0.rawValue)" } + ["\(level) difference"]
        }
        func value(_ label: String, _ level: SchoolLevel, _ c: MextClass?) -> Int {
            let counts = groups[label]?[level] ?? SchoolingCounts()
            return c.map { counts[$0] } ?? counts.headCount
        }
        var hidden = Set<Key>()
        for label in labels {
            for level in SchoolLevel.allCases {
                for c in counted where (1..<minimum).contains(value(label, level, c)) { hidden.insert(Key(label, level, c)) }
            }
        }
        var hiddenTotals = Set<Key>()
        var changed = true
        while changed {
            changed = false
            for level in SchoolLevel.allCases {
                for c in counted {
                    let column = labels.map { Key($0, level, c) }
                    guard column.filter(hidden.contains).count == 1 else { continue }
                    if let partner = column.filter({ !hidden.contains($0) && value($0.label, level, c) > 0 })
                        .min(by: { value($0.label, level, c) < value($1.label, level, c) }) {
                        hidden.insert(partner)
                        changed = true
                    } else {
                        hiddenTotals.insert(Key("", level, c))
                    }
                }
                for label in labels {
                    let row = MextClass.allCases.map { Key(label, level, $0) }
                    guard row.filter(hidden.contains).count == 1 else { continue }
                    if let partner = row.filter({ !hidden.contains($0) && value(label, level, $0.mextClass) > 0 })
                        .min(by: { value(label, level, $0.mextClass) < value(label, level, $1.mextClass) }) {
                        hidden.insert(partner)
                        changed = true
                    }
                }
            }
        }
        let rows = labels.map { label in
            ReportTable.Row(label: label, cells: SchoolLevel.allCases.flatMap { level in
                cells(groups[label]?[level] ?? SchoolingCounts()) { hidden.contains(Key(label, level, $0)) }
            })
        }
        let totals = SchoolLevel.allCases.flatMap { level in
            let sum = labels.reduce(SchoolingCounts()) { $0 + (groups[$1]?[level] ?? SchoolingCounts()) }
            return cells(sum) { c in
                hiddenTotals.contains(Key("", level, c)) || (1..<minimum).contains(c.map { sum[$0] } ?? sum.headCount)
            }
        }
        return ReportTable(
            title: title, rowHeader: rowHeader, columns: columns, rows: rows, total: ReportTable.Row(label: "Total", cells: totals),
            notes: [
                "difference: the register's head-count less the children enrolled, in a foreign school, not enrolled or departed.",
                "* withheld: fewer than \(minimum) children, or withheld so that another withheld figure cannot be worked out.",
            ])
    }

    private static func cells(_ counts: SchoolingCounts, isHidden: (MextClass?) -> Bool) -> [ReportTable.Cell] {
        let figures = counted.map { c in isHidden(c) ? ReportTable.Cell.suppressed : .count(c.map { counts[$0] } ?? counts.headCount) }
        return figures + [figures.contains(.suppressed) ? .suppressed : .count(counts.difference)]
    }

    private struct Key: Hashable {
        let label: String
        let level: SchoolLevel
        let mextClass: MextClass?
        init(_ label: String, _ level: SchoolLevel, _ mextClass: MextClass?) {
            self.label = label
            self.level = level
            self.mextClass = mextClass
        }
    }
}
