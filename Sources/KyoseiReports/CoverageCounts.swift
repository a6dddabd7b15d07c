/// For one group (a nationality, a district …) and one obligation: how many people are under
/// it and how many of them are covered. The services count; the report never sees a person.
public struct CoverageCounts: Sendable, Equatable, Codable {
    public var obligated: Int
    public var covered: Int

    public init(obligated: Int, covered: Int) {
        self.obligated = obligated
        self.covered = covered
    }

    public static func + (a: CoverageCounts, b: CoverageCounts) -> CoverageCounts {
        CoverageCounts(obligated: a.obligated + b.obligated, covered: a.covered + b.covered)
    }
}
