/// The survey's counts for one group: the register's head-count of compulsory-age foreign
/// children, the children in each class, and the difference as MEXT defines it (head-count
/// less classes 1 to 5). Children outside the survey are not counted anywhere.
public struct MextSurveyTally: Sendable, Equatable {
    public private(set) var headCount = 0
    public private(set) var classes: [MextSurveyClass: Int] = [:]

    public init() {}

    public init<S: Sequence>(_ placements: S) where S.Element == MextSurveyPlacement {
        for p in placements { add(p) }
    }

    public mutating func add(_ placement: MextSurveyPlacement) {
        switch placement {
        case .outsideSurvey: return
        case .difference: headCount += 1
        case let .counted(c):
            headCount += 1
            classes[c, default: 0] += 1
        }
    }

    public subscript(_ c: MextSurveyClass) -> Int { classes[c] ?? 0 }

    /// Head-count less every class: never negative, because every counted child is in the head-count.
    public var difference: Int { headCount - classes.values.reduce(0, +) }
}
