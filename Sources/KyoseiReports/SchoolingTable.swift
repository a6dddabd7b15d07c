import KyoseiDomain

/// The MEXT enrollment table: per group and school level the register's head-count, each class,
/// and the difference against the head-count, through the shared `Suppression` step. Each figure
/// is its own block; the difference column tells suppression that the head-count, the classes
/// and the difference are tied, so none of them can be worked out from the others.
public enum SchoolingTable {
    /// Per level: the head-count, each class, then (never published) the departed children still
    /// in the head-count and those no longer in it.
    static let perLevel = 1 + MextClass.allCases.count + 2

    static func measure(_ c: MextClass, level index: Int) -> Int { index * perLevel + 1 + MextClass.allCases.firstIndex(of: c)! }

    public static let reportColumns: [ReportColumn] = SchoolLevel.allCases.enumerated().flatMap { index, level in
        let base = index * perLevel
        let accounted = [MextClass.enrolledCompulsory, .foreignSchool, .notEnrolled, .departed, .couldNotConfirm].map { measure($0, level: index) }
        let figures = [ReportColumn("\(level) register", .count(base), block: base)]
            + MextClass.allCases.map { ReportColumn("\(level) \($0.rawValue)", .count(measure($0, level: index)), block: measure($0, level: index)) }
        return figures + [ReportColumn("\(level) difference", .difference(base, less: accounted), block: SchoolLevel.allCases.count * perLevel + index)]
    }

    /// Every child in the head-count is in exactly one class, and a departed child is either
    /// still in the head-count or not.
    public static let relations: [RowRelation] = SchoolLevel.allCases.indices.flatMap { index in
        let base = index * perLevel
        let inRegister = [MextClass.enrolledCompulsory, .foreignSchool, .notEnrolled, .unconfirmed, .couldNotConfirm].map { measure($0, level: index) }
        return [RowRelation(whole: base, parts: inRegister + [base + perLevel - 2]),
                RowRelation(whole: measure(.departed, level: index), parts: [base + perLevel - 2, base + perLevel - 1])]
    }

    public static func counts(groupedBy rowHeader: String, groups: [String: [SchoolLevel: SchoolingCounts]]) -> GroupedCounts {
        GroupedCounts(
            rowHeader: rowHeader,
            measures: SchoolLevel.allCases.flatMap { level in
                ["\(level) register"] + MextClass.allCases.map { "\(level) \($0.rawValue)" }
                    + ["\(level) departed in the register", "\(level) departed from it"]
            },
            groups: groups.mapValues { byLevel in
                SchoolLevel.allCases.flatMap { level in
                    let c = byLevel[level] ?? SchoolingCounts()
                    return [c.headCount] + MextClass.allCases.map { c[$0] } + [c.departedInRegister, c[.departed] - c.departedInRegister]
                }
            })
    }

    public static func build(title: String, groupedBy rowHeader: String, groups: [String: [SchoolLevel: SchoolingCounts]],
                             minimum: Int, earlier: EarlierTables = .none) -> ReportTable {
        Suppression.table(
            title: title, counts: counts(groupedBy: rowHeader, groups: groups), columns: reportColumns, relations: relations,
            minimum: minimum,
            notes: [
                "difference: the register's head-count less the children enrolled, in a foreign school, not enrolled, departed, or visited and could not be confirmed (COULD_NOT_CONFIRM, MEXT's class 5).",
                "UNCONFIRMED: on the register, and neither a roster nor a home visit says anything of the child's schooling.",
                "DEPARTED: left or leaving the city or Japan, including children who moved out during the school year and are no longer on the register (MEXT counts only those still on it).",
                "* withheld: fewer than \(minimum) children, or withheld so that another withheld figure cannot be worked out.",
            ],
            earlier: earlier)
    }
}
