/// A file's header resolved once against its kind's columns: where each column sits, so every
/// row is read by position. The header must name exactly the kind's columns, in any order; a
/// header that does not is refused with everything that is wrong with it.
struct HeaderLayout<Column: FileColumn>: Sendable {
    /// The header as it stands in the file, in file order.
    let names: [String]
    /// Field position of each column, indexed by the column's raw value; -1 when absent.
    let positions: [Int]
    /// Required columns with their field positions, checked for emptiness on every row.
    let required: [RequiredColumn]

    init(names: [String], columns: [Column], kindName: String, fileName: String, line: Int?) throws(IntakeError) {
        var positions = [Int](repeating: -1, count: Column.allCases.count)
        var unknown: [String] = [], misplaced: [String] = [], duplicated: [String] = []
        for (index, name) in names.enumerated() {
            guard let column = Column.allCases.first(where: { $0.name == name }) else {
                unknown.append(name)
                continue
            }
            guard columns.contains(column) else {
                misplaced.append(name)
                continue
            }
            if positions[column.rawValue] >= 0 {
                if !duplicated.contains(name) { duplicated.append(name) }
            } else {
                positions[column.rawValue] = index
            }
        }
        let missing = columns.filter { positions[$0.rawValue] < 0 }.map(\.name)
        var faults: [String] = []
        if !unknown.isEmpty { faults.append("unknown \(Self.plural("column", unknown.count)) \(Self.list(unknown))") }
        if !misplaced.isEmpty {
            faults.append("\(Self.plural("column", misplaced.count)) \(Self.list(misplaced)) \(misplaced.count == 1 ? "does" : "do") not belong in a \(kindName)")
        }
        if !duplicated.isEmpty {
            faults.append("\(Self.plural("column", duplicated.count)) \(Self.list(duplicated)) \(duplicated.count == 1 ? "appears" : "appear") more than once")
        }
        if !missing.isEmpty { faults.append("missing \(Self.plural("column", missing.count)) \(Self.list(missing))") }
        guard faults.isEmpty else {
            throw IntakeError(file: fileName, line: line, reason: "the header is not a \(kindName) header: " + faults.joined(separator: "; "))
        }
        self.names = names
        self.positions = positions
        required = columns.filter { $0.requirement == .required }.map {
            RequiredColumn(column: $0.rawValue, name: $0.name, position: positions[$0.rawValue])
        }
    }

    private static func plural(_ word: String, _ count: Int) -> String { count == 1 ? word : word + "s" }

    private static func list(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

struct RequiredColumn: Sendable {
    let column: Int
    let name: String
    let position: Int
}
