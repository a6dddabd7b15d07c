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

    /// The departed children still in the head-count: MEXT's class 4, which is what the
    /// DEPARTED column shows (those already off the register are in no MEXT figure).
    static func departedInRegister(level index: Int) -> Int { index * perLevel + perLevel - 2 }

    public static let reportColumns: [ReportColumn] = SchoolLevel.allCases.enumerated().flatMap { index, level in
        let base = index * perLevel
        let accounted = [MextClass.enrolledCompulsory, .foreignSchool, .notEnrolled].map { measure($0, level: index) }
            + [departedInRegister(level: index), measure(.couldNotConfirm, level: index)]
        func shown(_ c: MextClass) -> Int { c == .departed ? departedInRegister(level: index) : measure(c, level: index) }
        let figures = [ReportColumn("\(level) register", .count(base), block: base)]
            + MextClass.allCases.map { ReportColumn("\(level) \($0.rawValue)", .count(shown($0)), block: shown($0)) }
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
                "difference: the register's head-count less the children enrolled, in a foreign school, not enrolled, departed while still on it, or visited and could not be confirmed (COULD_NOT_CONFIRM, MEXT's class 5): MEXT's difference.",
                "UNCONFIRMED: on the register, and neither a roster nor a home visit says anything of the child's schooling.",
                "DEPARTED: left or leaving the city or Japan and still on the register (MEXT's class 4); children already off the register are in neither the head-count nor any column.",
                "* withheld: fewer than \(minimum) children, or withheld so that another withheld figure cannot be worked out.",
            ],
            earlier: earlier)
    }
}
