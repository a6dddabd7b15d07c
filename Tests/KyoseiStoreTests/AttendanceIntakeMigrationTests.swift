import GRDB
import KyoseiStore
import Testing

/// 011 rebuilds `intake_file` to admit attendance files: a database that already holds files,
/// and rows that point at them, comes through with every id and every reference intact.
@Suite struct AttendanceIntakeMigrationTests {
    private func file(_ kind: String, sequence: Int?, hash: Character, course: Int64? = nil) -> String {
        let columns = course == nil ? "" : ", course_id"
        let value = course.map { ", \($0)" } ?? ""
        return """
            INSERT INTO intake_file(kind, file_name, sha256, sequence, encoding, header, row_count, rows_applied, rows_rejected,
                                    summary, applied_at, applied_by\(columns))
            VALUES ('\(kind)', 'f.csv', '\(String(repeating: hash, count: 64))', \(sequence.map(String.init) ?? "NULL"), 'UTF-8', '[]',
                    1, 1, 0, '{}', 't', 'u'\(value))
            """
    }

    @Test func filesAndTheirRejectsKeepTheirIdsAndForeignKeysStillHold() throws {
        let old = try OldDatabase(migratedUpTo: "010_language")
        let queue = old.queue
        try queue.write { db in
            try db.execute(sql: file("REGISTER", sequence: 7, hash: "a"))
            try db.execute(sql: file("SCHOOL", sequence: nil, hash: "b"))
            try db.execute(sql: "INSERT INTO intake_reject(file_id, line, columns, reasons, record_text) VALUES (2, 5, 'grade', '[]', 'x')")
            #expect(throws: DatabaseError.self) { try db.execute(sql: file("ATTENDANCE", sequence: nil, hash: "c")) }
        }

        try AppDatabase.migrator.migrate(queue)
        try queue.write { db in
            #expect(try String.fetchAll(db, sql: "SELECT id || kind || ifnull(sequence, '-') FROM intake_file ORDER BY id") == ["1REGISTER7", "2SCHOOL-"])
            #expect(try Int.fetchOne(db, sql: "SELECT file_id FROM intake_reject") == 2)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            try db.execute(sql: """
                INSERT INTO course(kind, level, title, starts_on, ends_on, capacity, created_at, created_by)
                VALUES ('DAILY_LIFE', 'A1', 't', '2026-12-01', '2026-12-20', 5, 't', 'u')
                """)
            try db.execute(sql: file("ATTENDANCE", sequence: nil, hash: "c", course: 1))
            #expect(throws: DatabaseError.self, "the same bytes twice") { try db.execute(sql: file("ATTENDANCE", sequence: nil, hash: "c", course: 1)) }
            #expect(throws: DatabaseError.self, "an attendance file names its course") { try db.execute(sql: file("ATTENDANCE", sequence: nil, hash: "d")) }
            #expect(throws: DatabaseError.self, "no other file does") { try db.execute(sql: file("SCHOOL", sequence: nil, hash: "e", course: 1)) }
            #expect(throws: DatabaseError.self, "a register sequence is still unique") { try db.execute(sql: file("REGISTER", sequence: 7, hash: "f")) }
            #expect(throws: DatabaseError.self, "references still point at intake_file") {
                try db.execute(sql: "INSERT INTO intake_reject(file_id, line, columns, reasons, record_text) VALUES (99, 1, '', '[]', 'x')")
            }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM intake_file WHERE id = 2") }
        }
    }
}
