import Foundation
import GRDB
import KyoseiDomain
import KyoseiReports
import KyoseiStore

/// The tables of one report the city has published, read and written inside the transaction
/// that publishes the next one.
struct PublicationLedger {
    let db: Database
    let kind: ReportPublicationRecord.Kind

    /// Suppresses a table against the tables published before it and records it as published:
    /// `build` gets the earlier tables and gives back what it made, with the measures and rows
    /// it published. Employment's figures add up over days (events on dates), so its tables
    /// are tied to every overlapping period; the other reports only to tables of the same days
    /// (a language course counts in every month it runs).
    func publish<T>(cut: String, first: LocalDate, last: LocalDate, at timestamp: String, by login: String,
                    build: (EarlierTables) -> (value: T, measures: [String], rows: [PublishedTable.Row])) throws
        -> (value: T, earlier: Int, recorded: Bool) {
        let overTime = kind == .employment
        var earlier = try self.earlier(cut: cut, first: first, last: last, overTime: overTime)
        if overTime { earlier.counter = EmploymentService.counter(in: db) }
        let built = build(earlier)
        let recorded = try record(PublishedTable(cut: cut, first: first, last: last, measures: built.measures, rows: built.rows),
                                  among: earlier.tables, at: timestamp, by: login)
        return (built.value, earlier.tables.count, recorded)
    }

    /// What a new table over `first`…`last` is checked against: with `overTime` (figures that
    /// add up over days), every table counting any of its days and every table within the days
    /// those count (the other months of a published quarter); otherwise the tables of the very
    /// same days. Each distinct table once. A chain of tables reaching further (calendar years
    /// overlapping fiscal years, year after year) is cut there: each link adds an unknown span.
    private func earlier(cut: String, first: LocalDate, last: LocalDate, overTime: Bool) throws -> EarlierTables {
        let direct = try ReportPublicationRecord.all().overlapping(kind, from: first, to: last).fetchAll(db)
            .filter { overTime || ($0.firstDay == first && $0.lastDay == last) }
        let from = min(first, direct.map(\.firstDay).min() ?? first)
        let to = max(last, direct.map(\.lastDay).max() ?? last)
        let ids = Set(direct.compactMap(\.id))
        let records = try ReportPublicationRecord.all().overlapping(kind, from: from, to: to).fetchAll(db)
            .filter { ids.contains($0.id ?? 0) || (overTime && from <= $0.firstDay && $0.lastDay <= to) }
        var tables: [PublishedTable] = []
        for record in records {
            let table = try JSONDecoder().decode(PublishedTable.self, from: Data(record.figures.utf8))
            if !tables.contains(table) { tables.append(table) }
        }
        return EarlierTables(cut: cut, first: first, last: last, tables: tables)
    }

    /// Records the table unless the very same one was published before; true if recorded.
    private func record(_ table: PublishedTable, among earlier: [PublishedTable], at timestamp: String, by login: String) throws -> Bool {
        guard !earlier.contains(table) else { return false }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var record = ReportPublicationRecord(
            kind: kind, cut: table.cut, firstDay: table.first, lastDay: table.last, publishedAt: timestamp, publishedBy: login,
            figures: String(decoding: try encoder.encode(table), as: UTF8.self))
        try record.insert(db)
        return true
    }
}
