import KyoseiReports

/// An attacker written apart from `Suppression`'s own audit, so the tests do not grade the
/// suppression by its own reasoning: it reads only the published cells, knows how each column is
/// made (as anyone reading the report's notes does), writes every published figure and every
/// identity as a row of one dense matrix over all counts of all the tables it is given (tables
/// of the same people cut differently share their total), and calls a withheld cell recomputed
/// when what it shows lies in that matrix's row space.
struct TableAttacker {
    let columns: [ReportColumn]
    let relations: [RowRelation]
    let measures: Int

    struct Finding: Equatable, CustomStringConvertible {
        var table: Int
        var row: String
        var column: String
        var description: String { "table \(table), \(row) / \(column)" }
    }

    func recomputed(_ tables: [ReportTable]) -> [Finding] {
        var offsets: [Int] = []
        var width = 0
        for table in tables {
            offsets.append(width)
            width += (table.rows.count + 1) * measures
        }
        func variable(_ t: Int, _ row: Int, _ m: Int) -> Int { offsets[t] + row * measures + m }
        var matrix: [[Double]] = []
        func add(_ terms: [(Int, Double)]) {
            var row = Array(repeating: 0.0, count: width)
            for (v, a) in terms { row[v] += a }
            matrix.append(row)
        }
        for (t, table) in tables.enumerated() {
            let rows = table.rows + [table.total]
            let total = table.rows.count
            for (r, row) in rows.enumerated() {
                for (c, column) in columns.enumerated() {
                    switch (column.value, row.cells[c]) {
                    case (.count(let m), .count):
                        add([(variable(t, r, m), 1)])
                    case (.share(let n, let d), .share(let s)):
                        add([(variable(t, r, n), 1), (variable(t, r, d), -s)])
                    case (.share(_, let d), .empty):
                        add([(variable(t, r, d), 1)])
                    case (.shareOfTotal(let m), .share(let s)) where r != total:
                        add([(variable(t, r, m), 1), (variable(t, total, m), -s)])
                    case (.shareOfTotal(let m), .empty):
                        add([(variable(t, total, m), 1)])
                    case (.difference(let m, let less), .count):
                        add([(variable(t, r, m), 1)] + less.map { (variable(t, r, $0), -1) })
                    default:
                        break
                    }
                }
                for relation in relations {
                    add([(variable(t, r, relation.whole), 1)] + relation.parts.map { (variable(t, r, $0), -1) })
                }
            }
            for m in 0..<measures {
                add((0..<total).map { (variable(t, $0, m), 1) } + [(variable(t, total, m), -1)])
                if t > 0 { add([(variable(t, total, m), 1), (variable(0, tables[0].rows.count, m), -1)]) }
            }
        }
        // A coarser table's row adds up the finer table's rows its layout names.
        for (t, table) in tables.enumerated() {
            for (coarse, parts) in table.layout?.rowParts ?? [:] {
                guard let r = table.rows.firstIndex(where: { $0.label == coarse }) else { continue }
                for (u, other) in tables.enumerated() where u != t {
                    let rows = parts.compactMap { part in other.rows.firstIndex { $0.label == part } }
                    guard rows.count == parts.count else { continue }
                    for m in 0..<measures { add(rows.map { (variable(u, $0, m), 1) } + [(variable(t, r, m), -1)]) }
                }
            }
        }
        let basis = Self.echelon(matrix)
        func known(_ terms: [(Int, Double)]) -> Bool {
            var vector = Array(repeating: 0.0, count: width)
            for (v, a) in terms { vector[v] += a }
            for (pivot, row) in basis where abs(vector[pivot]) > 1e-9 {
                let c = vector[pivot]
                for i in vector.indices { vector[i] -= c * row[i] }
            }
            return vector.allSatisfy { abs($0) < 1e-6 }
        }
        var findings: [Finding] = []
        for (t, table) in tables.enumerated() {
            for (r, row) in (table.rows + [table.total]).enumerated() {
                for (c, column) in columns.enumerated() where row.cells[c] == .suppressed {
                    let gives: Bool
                    switch column.value {
                    case .count(let m), .shareOfTotal(let m):
                        gives = known([(variable(t, r, m), 1)])
                    case .share(let n, let d):
                        gives = known([(variable(t, r, n), 1)]) && known([(variable(t, r, d), 1)])
                    case .difference(let m, let less):
                        gives = known([(variable(t, r, m), 1)] + less.map { (variable(t, r, $0), -1) })
                    }
                    if gives { findings.append(Finding(table: t, row: row.label, column: table.columns[c])) }
                }
            }
        }
        return findings
    }

    /// Row-reduced echelon form: (pivot column, row with 1 there and 0 in every other pivot).
    static func echelon(_ input: [[Double]]) -> [(Int, [Double])] {
        var rows = input
        var basis: [(Int, [Double])] = []
        guard let width = rows.first?.count else { return [] }
        for column in 0..<width {
            guard let best = rows.indices.max(by: { abs(rows[$0][column]) < abs(rows[$1][column]) }),
                  abs(rows[best][column]) > 1e-9 else { continue }
            let pivot = rows.remove(at: best)
            let scale = pivot[column]
            let normalised = pivot.map { $0 / scale }
            func reduce(_ row: [Double]) -> [Double] {
                let c = row[column]
                return abs(c) < 1e-12 ? row : zip(row, normalised).map { $0 - c * $1 }
            }
            rows = rows.map(reduce)
            basis = basis.map { ($0.0, reduce($0.1)) }
            basis.append((column, normalised))
        }
        return basis
    }
}
