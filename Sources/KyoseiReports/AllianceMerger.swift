/// Adds several cities' Alliance files into Alliance-level tables. Files of different schema
/// versions or periods, or one city twice, are refused: the sum would be wrong without anyone
/// noticing. A figure a city withheld is unknown, so any sum built from it is withheld too; then
/// suppression runs again on the merged tables, since a small Alliance cell is still small.
public enum AllianceMerger {
    public static func merge(_ files: [(name: String, file: AllianceFile)], minimum: Int, generatedAt: String) throws -> AllianceFile {
        guard let (firstName, first) = files.first else { throw AllianceMergeError("No files were given to merge.") }
        for (name, file) in files {
            if file.schemaVersion != AllianceFile.currentSchemaVersion {
                throw AllianceMergeError("\(name) has schema version \(file.schemaVersion) but this Kyosei merges version \(AllianceFile.currentSchemaVersion).")
            }
            if file.period != first.period {
                throw AllianceMergeError("\(firstName) is for \(first.period) but \(name) is for \(file.period); merge files of one period.")
            }
            guard file.municipalityCode != nil else {
                throw AllianceMergeError("\(name) is an Alliance roll-up, not a city's file.")
            }
        }
        var seen: [String: String] = [:]
        for (name, file) in files {
            let city = file.municipalityCode!
            if let earlier = seen[city] {
                throw AllianceMergeError("\(earlier) and \(name) are both from city \(city); send each city once.")
            }
            seen[city] = name
        }
        var tables = first.tables
        for kind in AllianceTableKind.allCases {
            for (name, file) in files where file.tables[kind].rowHeader != first.tables[kind].rowHeader
                || file.tables[kind].measures != first.tables[kind].measures {
                throw AllianceMergeError("The \(kind.rawValue) table of \(name) has other rows or columns than that of \(firstName).")
            }
            let summed = sum(files.map { $0.file.tables[kind] })
            tables[kind] = Suppression.countTable(summed, columns: kind.columns, relations: kind.relations, minimum: minimum)
        }
        return AllianceFile(
            municipalityCode: nil, municipalities: files.map { $0.file.municipalityCode! }.sorted(), period: first.period,
            firstDay: first.firstDay, lastDay: first.lastDay, generatedAt: generatedAt, tables: tables)
    }

    /// Group by group and measure; a group a city does not list has none there, a withheld
    /// figure makes the sum unknown.
    static func sum(_ tables: [CountTable]) -> CountTable {
        let width = tables[0].measures.count
        func add(_ a: [Int?], _ b: [Int?]) -> [Int?] {
            zip(a, b).map { x, y in x.flatMap { x in y.map { x + $0 } } }
        }
        var groups: [String: [Int?]] = [:]
        for table in tables {
            for row in table.rows {
                groups[row.group] = add(groups[row.group] ?? Array(repeating: 0, count: width), row.counts)
            }
        }
        return CountTable(
            rowHeader: tables[0].rowHeader, measures: tables[0].measures,
            rows: groups.keys.sorted().map { CountTable.Row(group: $0, counts: groups[$0]!) },
            total: tables.dropFirst().reduce(tables[0].total) { add($0, $1.total) })
    }
}
