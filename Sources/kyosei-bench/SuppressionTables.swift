import ArgumentParser
import Foundation
import KyoseiDomain
import KyoseiReports
import KyoseiSampleData

/// The time suppression takes on the widest tables the city publishes: every report's shape
/// with as many groups as a big city has nationalities (or more), half the counts small so that
/// the attacker in `DisclosureAudit` has a great deal to work through.
struct SuppressionTables: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suppression", abstract: "Time suppression (with its audit) on wide tables of every report's shape.")

    @Option(help: "Groups (rows) per table; comma-separated for several sizes.") var groups = "50,150,300"
    @Option(help: "Share of counts that are small (under the minimum).") var smallShare = 0.5
    @Option(help: "Random seed.") var seed: UInt64 = 2012

    func run() async throws {
        var random = SplitMix64(seed: seed)
        func count() -> Int { Double(random.next() % 1000) / 1000 < smallShare ? Int(random.next() % 5) : Int(random.next() % 400) }
        let schoolingMeasures = SchoolingTable.counts(groupedBy: "group", groups: [:]).measures.count
        for size in groups.split(separator: ",").compactMap({ Int($0) }) {
            let shapes: [(String, Int, [ReportColumn], (inout [Int]) -> Void)] = [
                ("population", 1, PopulationTable.columns, { _ in }),
                ("coverage", 2 * CoverageObligationKey.allCases.count, CoverageTable.columns(CoverageObligationKey.allCases), { c in
                    for i in stride(from: 0, to: 2 * CoverageObligationKey.allCases.count, by: 2) { c[i + 1] = min(c[i], c[i + 1]) }
                }),
                ("employment", 6, EmploymentTable.reportColumns, { c in
                    c[3] = c[0] + c[1]; c[2] = min(c[2], c[3]); c[4] = min(c[4], c[0]); c[5] = min(c[5], c[0])
                }),
                // The table's own layout, from random classes per level: each child in one
                // class, half the departed still in the head-count.
                ("schooling", schoolingMeasures, SchoolingTable.reportColumns, { c in
                    let classes = MextClass.allCases
                    let levels = SchoolLevel.allCases.enumerated().map { index, _ in
                        let counts = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, c[index * classes.count + $0]) })
                        let inRegister = counts[.departed]! / 2
                        return SchoolingCounts(headCount: counts.filter { $0.key != .departed }.values.reduce(inRegister, +),
                                               classes: counts, departedInRegister: inRegister)
                    }
                    c = SchoolingTable.counts(groupedBy: "group", groups: ["g": Dictionary(uniqueKeysWithValues: zip(SchoolLevel.allCases, levels))])
                        .groups["g"]!
                }),
                ("language", 7, LanguageTable.reportColumns, { c in c[1] = min(c[1], c[0]); c[3] = min(c[3], c[2]); c[6] = min(c[6], c[5]) }),
            ]
            for (name, measures, columns, shape) in shapes {
                let table = Dictionary(uniqueKeysWithValues: (0..<size).map { i in
                    var c = (0..<measures).map { _ in count() }
                    shape(&c)
                    return ("G\(i)", c)
                })
                let start = Date()
                let out = Suppression.table(title: name, counts: GroupedCounts(rowHeader: "group", measures: (0..<measures).map(String.init),
                                                                               groups: table), columns: columns,
                                            relations: name == "employment" ? EmploymentTable.relations
                                                : name == "schooling" ? SchoolingTable.relations : [], minimum: 5)
                let seconds = Date().timeIntervalSince(start)
                let cells = (out.rows + [out.total]).flatMap(\.cells)
                print(String(format: "%@ %4d groups: %6.3f s, %d of %d cells withheld", name, size, seconds,
                             cells.filter { $0 == .suppressed }.count, cells.count))
            }
        }
    }
}
