import GRDB
import KyoseiDomain
import KyoseiStore
import Testing

/// Requests of the store whose behaviour the services' tests do not pin down on their own.
@Suite struct RecordRequestTests {
    private func migrated() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue)
        return queue
    }

    /// The workload figures spell the active states from `CaseState` as text because SQLite
    /// serves a partial index only to a query that states the index's condition as it is
    /// written: a bound value would send every figure through the whole table.
    @Test func activeCaseFiguresStateThePartialIndexesCondition() throws {
        try migrated().write { db in
            let index = try #require(try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'cases_active_team'"))
            let condition = String(index[try #require(index.range(of: " WHERE ")).upperBound...])
            var statements: [String] = []
            db.trace { statements.append($0.description) }
            _ = try CaseRecord.activeCounts(by: CaseRecord.Columns.team, in: db)
            _ = try CaseRecord.activeCount(in: db)
            _ = try CaseRecord.activeCount(dueBefore: try LocalDate("2026-12-05"), in: db)
            _ = try CaseRecord.activeOpenedAt(offset: 0, in: db)
            db.trace(options: [], nil)
            let figures = statements.filter { $0.contains("FROM cases") }
            #expect(figures.count == 4)
            for sql in figures { #expect(sql.contains("WHERE " + condition), "\(sql)") }
        }
    }

    /// A roster that names a student without a card number keeps the card on file, and the
    /// roster that first named them stays the first.
    @Test func aLaterRosterKeepsTheCardAndTheFirstFile() throws {
        try migrated().write { db in
            for id in [1, 2] {
                try db.execute(sql: """
                    INSERT INTO intake_file(id, kind, file_name, sha256, encoding, header, row_count, rows_applied, rows_rejected,
                                            summary, applied_at, applied_by)
                    VALUES (?, 'SCHOOL', ?, ?, 'UTF-8', '', 0, 0, 0, '', 't', 'u')
                    """, arguments: [id, "SCH-2026-T\(id).csv", String(repeating: String(id), count: 64)])
            }
            let card = try ResidenceCardNumber("AB12345678CD")
            var student = SchoolStudentRecord(
                schoolCode: "S01", studentNumber: "0001", residentID: nil, matchOutcome: .unmatched, matchScore: nil,
                nameLatin: "SILVA ANA", nameKana: nil, birthDate: try LocalDate("2016-05-10"), sex: .female,
                residenceCardNumber: card, firstFileID: 1, lastFileID: 1)
            try student.insertCached(db)
            var later = student
            later.residenceCardNumber = nil
            later.matchOutcome = .review
            later.firstFileID = 2
            later.lastFileID = 2
            try later.updateStated(db)
            let stored = try #require(try SchoolStudentRecord.fetchOne(db, key: student.id))
            #expect(stored.residenceCardNumber == card)
            #expect(stored.firstFileID == 1 && stored.lastFileID == 2)
            #expect(stored.matchOutcome == .review)
        }
    }
}
