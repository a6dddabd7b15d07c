/// A file's header resolved once against its kind's columns: where each column sits, so every
/// row is read by position. The header must name exactly the kind's columns, in any order
/// (a column that `mayBeAbsent` may be left out); a header that does not is refused with
/// everything that is wrong with it.
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
        let missing = columns.filter { positions[$0.rawValue] < 0 && !$0.mayBeAbsent }.map(\.name)
        var faults: [String] = []
        if !unknown.isEmpty { faults.append("unknown \(Self.plural("column", unknown.count)) \(Self.list(unknown))") }
        if !misplaced.isEmpty {
            faults.append("\(Self.plural("column", misplaced.count)) \(Self.list(misplaced)) \(misplaced.count == 1 ? "does" : "do") not belong in \(Self.withArticle(kindName))")
        }
        if !duplicated.isEmpty {
            faults.append("\(Self.plural("column", duplicated.count)) \(Self.list(duplicated)) \(duplicated.count == 1 ? "appears" : "appear") more than once")
        }
        if !missing.isEmpty { faults.append("missing \(Self.plural("column", missing.count)) \(Self.list(missing))") }
        guard faults.isEmpty else {
            throw IntakeError(file: fileName, line: line, reason: "the header is not \(Self.withArticle(kindName)) header: " + faults.joined(separator: "; "))
        }
        self.names = names
        self.positions = positions
        required = columns.filter { $0.requirement == .required && positions[$0.rawValue] >= 0 }.map {
            RequiredColumn(column: $0.rawValue, name: $0.name, position: positions[$0.rawValue])
        }
    }

    /// "an employment report", "an NHI insurance roster", "a LATE_ELDERLY insurance roster".
    private static func withArticle(_ kindName: String) -> String {
        let first = kindName.prefix { $0 != " " }
        let anAcronym = ["NHI", "EHI", "EPI", "EI", "NP"].contains(first)
        let vowel = first.first.map { "aeiou".contains($0) } ?? false
        return (anAcronym || vowel ? "an " : "a ") + kindName
    }

    private static func plural(_ word: String, _ count: Int) -> String { count == 1 ? word : word + "s" }

    /// At most five names, each cut to 80 characters with anything unprintable escaped: a
    /// header is whatever bytes the file began with (a key, 100,000 columns), and the refusal is
    /// printed, logged and audited.
    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).map { "\"\(excerpt($0))\"" }.joined(separator: ", ")
        return names.count > 5 ? shown + " and \(names.count - 5) more" : shown
    }

    static func excerpt(_ text: String, limit: Int = 80) -> String {
        var out = ""
        for character in text.prefix(limit) {
            for scalar in character.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                default:
                    let printable = scalar.properties.generalCategory != .control && scalar.properties.generalCategory != .format
                        && scalar.properties.generalCategory != .unassigned && scalar.properties.generalCategory != .privateUse
                    out += printable ? String(scalar) : "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            }
        }
        return text.count > limit ? out + "…" : out
    }
}

struct RequiredColumn: Sendable {
    let column: Int
    let name: String
    let position: Int
}
