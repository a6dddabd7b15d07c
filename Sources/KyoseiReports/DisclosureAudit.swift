/// The attacker that suppression has to beat, run before a table leaves the city: everything the
/// table would publish is written as linear equations over the counts behind it (each group's
/// counts add up to the total; a published share gives its part and its whole; a difference and
/// a row relation tie a group's counts together), solved as far as they go, and every withheld
/// secret that comes out as one number, exactly or because counts cannot be negative, is exposed.
struct DisclosureAudit {
    /// Each group's counts, then the total's; `nil` where not known here.
    let counts: [[Int?]]
    let columns: [ReportColumn]
    let relations: [RowRelation]
    /// Groups that are sums of other groups (a region of its nationalities), published beside
    /// them: only the groups before the first of these add up to the total.
    let aggregates: [Int: [Int]]
    /// Per row (groups, then total), per withheld block: what it must not give away. A secret is
    /// one or more sums of the row's measures, given away when every one of them is worked out.
    var secrets: [[Int: [[[Int: Int]]]]]
    /// Tables published before this one about the same people; their rows follow the total.
    let context: PublishedContext
    /// What holds whatever this table withholds (the relations, the sums, the earlier tables).
    private var fixedSystem: [Equation] = []
    /// With earlier tables, that part solved once: each check adds only this table's published
    /// cells to it. A table alone is solved whole each time instead, which peels its many
    /// published counts off first and is much faster for it.
    private var fixed: Solution?

    init(counts: [[Int?]], columns: [ReportColumn], relations: [RowRelation], aggregates: [Int: [Int]], secrets: [[Int: [[[Int: Int]]]]],
         context: PublishedContext) {
        self.counts = counts
        self.columns = columns
        self.relations = relations
        self.aggregates = aggregates
        self.secrets = secrets
        self.context = context
        fixedSystem = fixedEquations()
        if !context.rows.isEmpty {
            fixed = Solution(equations: fixedSystem, variables: (counts.count + context.rows.count) * (counts.first?.count ?? 0))
        }
    }

    private var measureCount: Int { counts.first?.count ?? 0 }
    private var totalRow: Int { counts.count - 1 }
    private func variable(_ row: Int, _ measure: Int) -> Int { row * measureCount + measure }

    /// The cells, `(row, block)`, whose secret the published rest of the table gives back; for
    /// a row of an earlier table, `block` is the index of its withheld figure that comes back.
    func exposed(hidden: [Set<Int>]) -> [(row: Int, block: Int)] {
        let solution = fixed?.adding(publishedEquations(hidden: hidden))
            ?? Solution(equations: publishedEquations(hidden: hidden) + fixedSystem, variables: counts.count * measureCount)
        func given(_ row: Int, _ secret: [[Int: Int]]) -> Bool {
            secret.allSatisfy { form in
                solution.determines(Dictionary(uniqueKeysWithValues: form.map { (variable(row, $0.key), Double($0.value)) }))
            }
        }
        let own = secrets.indices.flatMap { row in
            secrets[row].keys.sorted().filter { block in
                hidden[row].contains(block) && secrets[row][block]!.contains { given(row, $0) }
            }.map { (row: row, block: $0) }
        }
        let earlier = context.rows.indices.flatMap { i in
            context.rows[i].withheld.indices.filter { given(counts.count + i, context.rows[i].withheld[$0]) }
                .map { (row: counts.count + i, block: $0) }
        }
        return own + earlier
    }

    /// What this table's published cells say.
    private func publishedEquations(hidden: [Set<Int>]) -> [Equation] {
        var out: [Equation] = []
        func known(_ row: Int, _ measure: Int, _ value: Int) {
            out.append(Equation(terms: [variable(row, measure): 1], constant: Double(value)))
        }
        for row in counts.indices {
            let values = counts[row]
            for column in columns where !hidden[row].contains(column.block) {
                switch column.value {
                case .count(let m):
                    if let v = values[m] { known(row, m, v) }
                // A published share is taken to publish its part and its whole: the Alliance file
                // sends them as counts, and a reader with the whole (or a zero, from an empty
                // share) has the part anyway.
                case .share(let n, let d):
                    if let part = values[n], let whole = values[d] {
                        known(row, n, part)
                        known(row, d, whole)
                    }
                case .shareOfTotal(let m):
                    if let part = values[m], let whole = counts[totalRow][m] {
                        known(row, m, part)
                        known(totalRow, m, whole)
                    }
                case .difference:
                    let form = column.differenceForm!
                    guard let value = evaluate(form, values) else { continue }
                    out.append(Equation(terms: Dictionary(uniqueKeysWithValues: form.map { (variable(row, $0.key), Double($0.value)) }),
                                        constant: Double(value)))
                }
            }
        }
        return out
    }

    /// What holds whatever this table publishes: each row's relations, the sums between rows,
    /// and what the earlier tables published.
    private func fixedEquations() -> [Equation] {
        var out: [Equation] = []
        for row in 0..<(counts.count + context.rows.count) {
            for relation in relations {
                out.append(Equation(terms: Dictionary(uniqueKeysWithValues: relation.form.map { (variable(row, $0.key), Double($0.value)) }),
                                    constant: 0))
            }
        }
        for (i, row) in context.rows.enumerated() {
            for figure in row.figures {
                out.append(Equation(terms: Dictionary(uniqueKeysWithValues: figure.form.map { (variable(counts.count + i, $0.key), Double($0.value)) }),
                                    constant: Double(figure.value)))
            }
        }
        for sum in context.sums {
            for measure in 0..<measureCount {
                out.append(Equation(terms: Dictionary(uniqueKeysWithValues: sum.map { (variable($0.key, measure), Double($0.value)) }),
                                    constant: 0))
            }
        }
        let partition = aggregates.keys.min() ?? totalRow
        for measure in 0..<measureCount {
            var terms = Dictionary(uniqueKeysWithValues: (0..<partition).map { (variable($0, measure), 1.0) })
            terms[variable(totalRow, measure)] = -1
            out.append(Equation(terms: terms, constant: 0))
            for (row, parts) in aggregates {
                var terms = Dictionary(uniqueKeysWithValues: parts.map { (variable($0, measure), 1.0) })
                terms[variable(row, measure)] = -1
                out.append(Equation(terms: terms, constant: 0))
            }
        }
        return out
    }
}

/// Σ terms[variable] × variable = constant.
struct Equation {
    var terms: [Int: Double]
    var constant: Double
}

/// What a set of equations over counts (never negative, always whole) pins down: values found by
/// peeling off equations with one unknown left, a reduced echelon form of the rest, and bounds.
struct Solution {
    private static let epsilon = 1e-7
    private var values: [Int: Double] = [:]
    private var echelon: [(pivot: Int, terms: [Int: Double])] = []
    /// Each pivot's row in `echelon`.
    private var pivotRow: [Int: Int] = [:]
    private var lower: [Double]
    private var upper: [Double]
    /// The equations bounds were carried through, kept for `adding`.
    private var remaining: [Equation] = []

    init(equations: [Equation], variables: Int) {
        lower = Array(repeating: 0, count: variables)
        upper = Array(repeating: .infinity, count: variables)
        var pending = equations
        var progress = true
        while progress {
            progress = false
            pending = pending.compactMap { equation in
                let reduced = substitute(equation)
                guard reduced.terms.count == 1, let (v, a) = reduced.terms.first else { return reduced.terms.isEmpty ? nil : reduced }
                values[v] = reduced.constant / a
                progress = true
                return nil
            }
        }
        for (v, value) in values { (lower[v], upper[v]) = (value, value) }
        tighten(pending)
        eliminate(pending)
        remaining = pending
    }

    /// This solution with more equations: they are reduced by the echelon form already found
    /// and appended to it, and the bounds carried through everything again, so that a large
    /// fixed part is eliminated once however many times the rest changes.
    func adding(_ equations: [Equation]) -> Solution {
        var out = self
        let added = equations.map(substitute).filter { !$0.terms.isEmpty }
        out.remaining += added
        out.tighten(out.remaining)
        for equation in added {
            let terms = out.reducedByEchelon(equation.terms)
            guard let (pivot, a) = terms.max(by: { abs($0.value) < abs($1.value) }) else { continue }
            out.echelon.append((pivot, terms.mapValues { $0 / a }))
            out.pivotRow[pivot] = out.echelon.count - 1
        }
        return out
    }

    /// `terms` less the rows of the echelon form its pivots call for, taken in the order the
    /// rows were found (a row holds no pivot of an earlier row): what no equation settles.
    /// Only the rows whose pivots appear are visited, found through `pivotRow`.
    private func reducedByEchelon(_ terms: [Int: Double]) -> [Int: Double] {
        var rest = terms
        var due = Set(rest.keys.compactMap { pivotRow[$0] })
        while let k = due.min() {
            due.remove(k)
            let row = echelon[k]
            guard let c = rest[row.pivot] else { continue }
            for (v, a) in row.terms {
                let old = rest[v]
                let new = (old ?? 0) - c * a
                if abs(new) > Self.epsilon {
                    if old == nil, let r = pivotRow[v] { due.insert(r) }
                    rest[v] = new
                } else {
                    rest[v] = nil
                }
            }
        }
        return rest
    }

    /// True when the sum is one number whatever the withheld counts are.
    func determines(_ form: [Int: Double]) -> Bool {
        if reducedByEchelon(form.filter { values[$0.key] == nil && abs($0.value) > Self.epsilon }).isEmpty { return true }
        let constant = form.reduce(0.0) { sum, term in sum + (values[term.key].map { $0 * term.value } ?? 0) }
        let (low, high) = form.filter { values[$0.key] == nil && $0.value != 0 }.reduce((constant, constant)) { bounds, term in
            let (a, b) = (term.value * lower[term.key], term.value * upper[term.key])
            return (bounds.0 + min(a, b), bounds.1 + max(a, b))
        }
        return (low - Self.epsilon).rounded(.up) >= (high + Self.epsilon).rounded(.down)
    }

    private func substitute(_ equation: Equation) -> Equation {
        var out = Equation(terms: [:], constant: equation.constant)
        for (v, a) in equation.terms {
            if let value = values[v] { out.constant -= a * value } else if abs(a) > Self.epsilon { out.terms[v] = a }
        }
        return out
    }

    /// Bounds from non-negativity, carried through the equations until they stop moving. Each
    /// term's bound is the equation's constant less the others' extremes, kept as finite sums and
    /// counts of unbounded terms so that one pass over an equation serves all of its terms.
    private mutating func tighten(_ equations: [Equation]) {
        for _ in 0..<20 {
            var moved = false
            for equation in equations {
                // Σ over terms of the range of −a·x: finite parts and how many are unbounded.
                var (lowSum, highSum, lowInfinite, highInfinite) = (0.0, 0.0, 0, 0)
                func range(_ v: Int, _ a: Double) -> (Double, Double) {
                    let (x, y) = (-a * lower[v], -a * upper[v])
                    return (min(x, y), max(x, y))
                }
                for (v, a) in equation.terms {
                    let (low, high) = range(v, a)
                    if low.isFinite { lowSum += low } else { lowInfinite += 1 }
                    if high.isFinite { highSum += high } else { highInfinite += 1 }
                }
                for (v, a) in equation.terms {
                    let (ownLow, ownHigh) = range(v, a)
                    let othersLowInfinite = lowInfinite - (ownLow.isFinite ? 0 : 1)
                    let othersHighInfinite = highInfinite - (ownHigh.isFinite ? 0 : 1)
                    let low = othersLowInfinite > 0 ? -Double.infinity : equation.constant + lowSum - (ownLow.isFinite ? ownLow : 0)
                    let high = othersHighInfinite > 0 ? Double.infinity : equation.constant + highSum - (ownHigh.isFinite ? ownHigh : 0)
                    let (p, q) = (low / a, high / a)
                    let (newLow, newHigh) = (max(lower[v], min(p, q)), min(upper[v], max(p, q)))
                    if newLow > lower[v] + Self.epsilon { lower[v] = newLow; moved = true }
                    if newHigh < upper[v] - Self.epsilon { upper[v] = newHigh; moved = true }
                }
            }
            if !moved { break }
        }
    }

    /// Gauss–Jordan elimination on what peeling left, pivoting on the largest coefficient.
    private mutating func eliminate(_ equations: [Equation]) {
        var rows = equations.map { $0.terms }
        // Which rows still to eliminate, and which rows of the echelon form, hold each
        // variable: a pivot then reduces only the rows it appears in, not every row (hashing
        // for every row at every pivot was most of the time on wide tables).
        var pendingHolding: [Int: Set<Int>] = [:]
        for (i, row) in rows.enumerated() {
            for v in row.keys { pendingHolding[v, default: []].insert(i) }
        }
        var echelonHolding: [Int: Set<Int>] = [:]
        /// Subtracts the pivot's row from `terms` as often as `terms` holds the pivot; the
        /// variables that appear and disappear.
        func reduce(_ terms: inout [Int: Double], by normalised: [Int: Double], pivot: Int) -> (added: [Int], removed: [Int]) {
            guard let c = terms[pivot] else { return ([], []) }
            var added: [Int] = [], removed: [Int] = []
            for (v, b) in normalised {
                let old = terms[v]
                let new = (old ?? 0) - c * b
                if abs(new) > Self.epsilon {
                    terms[v] = new
                    if old == nil { added.append(v) }
                } else if old != nil {
                    terms[v] = nil
                    removed.append(v)
                }
            }
            return (added, removed)
        }
        for i in rows.indices where !rows[i].isEmpty {
            let row = rows[i]
            rows[i] = [:]
            for v in row.keys { pendingHolding[v]?.remove(i) }
            let (pivot, a) = row.max { abs($0.value) < abs($1.value) }!
            let normalised = row.mapValues { $0 / a }
            for j in pendingHolding[pivot] ?? [] {
                let (added, removed) = reduce(&rows[j], by: normalised, pivot: pivot)
                for v in added { pendingHolding[v, default: []].insert(j) }
                for v in removed { pendingHolding[v]?.remove(j) }
            }
            for k in echelonHolding[pivot] ?? [] {
                let (added, removed) = reduce(&echelon[k].terms, by: normalised, pivot: pivot)
                for v in added { echelonHolding[v, default: []].insert(k) }
                for v in removed { echelonHolding[v]?.remove(k) }
            }
            echelon.append((pivot, normalised))
            pivotRow[pivot] = echelon.count - 1
            for v in normalised.keys { echelonHolding[v, default: []].insert(echelon.count - 1) }
        }
    }
}
