import KyoseiDomain

/// The MEXT enrollment table: per group and school level the register's head-count, each class,
/// and the difference against the head-count, through the shared `Suppression` step. Each figure
/// is its own block; the difference column tells suppression that the head-count, the classes
/// and the difference are tied, so none of them can be worked out from the others.
public enum SchoolingTable {
    /// Per level: the head-count, then each class.
    static let perLevel = 1 + MextClass.allCases.count

    public static let reportColumns: [ReportColumn] = SchoolLevel.allCases.enumerated().flatMap { index, level in
        let base = index * perLevel
        let accounted = [MextClass.enrolledCompulsory, .foreignSchool, .notEnrolled, .departed].map { base + 1 + MextClass.allCases.firstIndex(of: $0)! }
        let figures = [ReportColumn("\(level) register", .count(base), block: base)]
            + MextClass.allCases.indices.map { ReportColumn("\(level) \(MextClass.allCases[$0].rawValue)", .count(base + 1 + $0), block: base + 1 + $0) }
        return figures + [ReportColumn("\(level) difference", .difference(base, less: accounted), block: SchoolLevel.allCases.count * perLevel + index)]
    }

    public static func counts(groupedBy rowHeader: String, groups: [String: [SchoolLevel: SchoolingCounts]]) -> GroupedCounts {
        GroupedCounts(
            rowHeader: rowHeader,
            measures: SchoolLevel.allCases.flatMap { level in ["\(level) register"] + MextClass.allCases.map { "\(level) \($0.rawValue)" } },
            groups: groups.mapValues { byLevel in
                SchoolLevel.allCases.flatMap { level in
                    let c = byLevel[level] ?? SchoolingCounts()
                    return [c.headCount] + MextClass.allCases.map { c[$0] }
                }
            })
    }

    public static func build(title: String, groupedBy rowHeader: String, groups: [String: [SchoolLevel: SchoolingCounts]],
                             minimum: Int) -> ReportTable {
        Suppression.table(
            title: title, counts: counts(groupedBy: rowHeader, groups: groups), columns: reportColumns, minimum: minimum,
            notes: [
                "difference: the register's head-count less the children enrolled, in a foreign school, not enrolled or departed.",
                "* withheld: fewer than \(minimum) children, or withheld so that another withheld figure cannot be worked out.",
            ])
    }
}
