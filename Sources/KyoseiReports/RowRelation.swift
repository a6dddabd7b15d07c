/// A sum that holds in every group of a table (all children = the children in each class, say).
/// Suppression has to know it: with the whole and all but one part published, the last part is
/// published too.
public struct RowRelation: Sendable, Equatable {
    public var whole: Int
    public var parts: [Int]

    public init(whole: Int, parts: [Int]) {
        self.whole = whole
        self.parts = parts
    }

    var form: [Int: Int] { parts.reduce(into: [whole: 1]) { $0[$1, default: 0] -= 1 } }
}
