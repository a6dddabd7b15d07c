/// The coverage table: per obligation, how many people are under it, how many are covered and
/// the share, by group. An obligation's three figures for a group are withheld together by the
/// shared `Suppression` step (a few uncovered people are as telling as a few people).
public enum CoverageTable {
    public static func counts(
        groupedBy rowHeader: String, groups: [String: [CoverageObligationKey: CoverageCounts]], obligations: [CoverageObligationKey]
    ) -> GroupedCounts {
        GroupedCounts(
            rowHeader: rowHeader, measures: obligations.flatMap { ["\($0) obligated", "\($0) covered"] },
            groups: groups.mapValues { byObligation in
                obligations.flatMap { o in
                    let c = byObligation[o] ?? CoverageCounts(obligated: 0, covered: 0)
                    return [c.obligated, c.covered]
                }
            })
    }

    public static func columns(_ obligations: [CoverageObligationKey]) -> [ReportColumn] {
        obligations.indices.flatMap { i in
            [ReportColumn("\(obligations[i]) obligated", .count(2 * i), block: i),
             ReportColumn("\(obligations[i]) covered", .count(2 * i + 1), block: i),
             ReportColumn("\(obligations[i]) share", .share(2 * i + 1, of: 2 * i), block: i)]
        }
    }

    public static func build(
        title: String, groupedBy rowHeader: String, groups: [String: [CoverageObligationKey: CoverageCounts]],
        obligations: [CoverageObligationKey], minimum: Int, earlier: EarlierTables = .none
    ) -> ReportTable {
        Suppression.table(
            title: title, counts: counts(groupedBy: rowHeader, groups: groups, obligations: obligations),
            columns: columns(obligations), minimum: minimum, notes: notes(minimum), earlier: earlier)
    }

    /// Coverage by nationality and by region from the same counts, withheld as one pattern: the
    /// city publishes both, and a region less its nationalities must give back nothing withheld.
    public static func buildByOrigin(
        titles: (nationality: String, region: String), byNationality groups: [String: [CoverageObligationKey: CoverageCounts]],
        regionOf: (String) -> String, obligations: [CoverageObligationKey], minimum: Int, earlier: EarlierTables = .none
    ) -> (nationality: ReportTable, region: ReportTable) {
        let tables = Suppression.nestedTables(
            titles: (titles.nationality, titles.region), counts: counts(groupedBy: "nationality", groups: groups, obligations: obligations),
            coarseHeader: "region", coarseOf: regionOf, columns: columns(obligations), minimum: minimum, notes: notes(minimum),
            earlier: earlier)
        return (tables.fine, tables.coarse)
    }

    static func notes(_ minimum: Int) -> [String] {
        ["* withheld: fewer than \(minimum) people, or withheld so that another withheld figure cannot be worked out from the total or from another cut of the same people."]
    }
}

/// The obligations as report columns (the domain enum's raw values, kept apart so reports
/// depend only on names).
public enum CoverageObligationKey: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case health, pension, employment, employer
    public var description: String { rawValue }

    /// The columns of the Alliance's shared coverage table, which every city's file must have
    /// alike: the employer-insurance column is the city's own until the Alliance's format adds it.
    public static let alliance: [CoverageObligationKey] = [.health, .pension, .employment]
}
