/// A table of choices with relative weights, as the sample city's mixes are written down
/// (nationality shares, statuses per nationality). Picking is a short linear scan: the tables
/// hold a few dozen entries at most.
struct Weighted<Element: Sendable>: Sendable {
    let elements: [Element]
    private let cumulative: [Double]

    init(_ pairs: [(Element, Double)]) {
        elements = pairs.map(\.0)
        var running = 0.0
        cumulative = pairs.map { pair in
            running += pair.1
            return running
        }
    }

    var total: Double { cumulative.last ?? 0 }

    func pick(using rng: inout SplitMix64) -> Element {
        let target = rng.unit() * total
        for (index, bound) in cumulative.enumerated() where target < bound {
            return elements[index]
        }
        return elements[elements.count - 1]
    }
}
