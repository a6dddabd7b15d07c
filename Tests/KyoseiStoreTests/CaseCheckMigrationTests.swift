import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore
import Testing

/// 021 rebuilds `resident` and `history` with their CHECKs' value lists written as CASE
/// expressions: rows come through unchanged, the indexes are back, and each rule still admits
/// exactly the domain's codes (and NULL where the column allows it).
@Suite struct CaseCheckMigrationTests {
    @Test func rowsAndIndexesComeThroughAndEveryRuleAdmitsExactlyTheDomainsCodes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kyosei-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("old.sqlite").path)
        try AppDatabase.migrator.migrate(queue, upTo: "020_certificate_withdrawal")
        func indexes(_ db: Database) throws -> [String] {
            try String.fetchAll(db, sql: """
                SELECT name || ':' || coalesce(sql, '') FROM sqlite_master
                WHERE type = 'index' AND tbl_name IN ('resident', 'history') ORDER BY name
                """)
        }
        let (before, indexesBefore) = try queue.write { db in
            try db.execute(sql: "INSERT INTO household(household_id, created_at) VALUES ('1234567890', 't')")
            try db.execute(sql: """
                INSERT INTO resident(id, person_id, register_state, resident_category, residence_card_number, name_latin,
                    name_kana, birth_date, sex, nationality, status_of_residence, period_of_stay, stay_expiry_date, household_id,
                    relationship, postal_code, address, district_code, search_latin, created_at, updated_at, register_sequence)
                VALUES (7, '12345678901', 'ABROAD', 'MID_LONG_TERM', 'AB12345678CD', 'SILVA PEDRO', 'シルバ ペドロ', '1990-05-10',
                    '1', 'BR', 'ENGINEER_HUMANITIES', 'P3Y', '2027-01-31', '1234567890', 'HEAD', '430-0001', 'x', 'D01', 'silva', 't', 'u', 3)
                """)
            try db.execute(sql: """
                INSERT INTO history(resident_id, entity, entity_id, field, old_value, new_value, changed_at, changed_by, source, source_ref, reason)
                VALUES (7, 'resident', 'K7', 'address', 'a', 'x', 't', 'founder', 'REGISTER_SYNC', 'REG seq 3 line 2', 'MOVE_IN')
                """)
            return (try Row.fetchAll(db, sql: "SELECT * FROM resident") + Row.fetchAll(db, sql: "SELECT * FROM history"), try indexes(db))
        }

        try AppDatabase.migrator.migrate(queue)
        try queue.write { db in
            let after = try Row.fetchAll(db, sql: "SELECT * FROM resident") + Row.fetchAll(db, sql: "SELECT * FROM history")
            let indexesAfter = try indexes(db)
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            #expect(after == before)
            #expect(indexesAfter == indexesBefore)
            #expect(orphans.isEmpty)

            func admits(_ column: String, _ value: String?) -> Bool {
                var values: [String: String?] = [
                    "register_state": "REGISTERED", "name_latin": "LEE MIN", "birth_date": "2001-01-01", "sex": "2",
                    "nationality": "KR", "created_at": "t", "updated_at": "t",
                ]
                values[column] = .some(value)
                let columns = Array(values.keys)
                return (try? db.inSavepoint {
                    try db.execute(
                        sql: "INSERT INTO resident(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                        arguments: StatementArguments(columns.map { values[$0]! }))
                    return .rollback
                }) != nil
            }
            let codes: [(String, [String], Bool)] = [
                ("register_state", RegisterState.allCases.map(\.rawValue), false),
                ("resident_category", ResidentCategory.allCases.map(\.rawValue), true),
                ("sex", Sex.allCases.map(\.rawValue), false),
                // A temporary visitor is never in the register: the intake rejects the row.
                ("status_of_residence", StatusOfResidence.allCases.filter { $0 != .temporaryVisitor }.map(\.rawValue), true),
                ("relationship", Relationship.allCases.map(\.rawValue), true),
            ]
            for (column, values, nullable) in codes {
                for value in values { #expect(admits(column, value), "\(column) \(value)") }
                for wrong in ["", "registered", values[0] + " ", "X" + values[0]] { #expect(!admits(column, wrong), "\(column) '\(wrong)'") }
                #expect(admits(column, nil) == nullable, "\(column) NULL")
            }
            #expect(!admits("status_of_residence", StatusOfResidence.temporaryVisitor.rawValue))
            func historyAdmits(_ source: String) -> Bool {
                (try? db.inSavepoint {
                    try db.execute(sql: """
                        INSERT INTO history(resident_id, entity, entity_id, field, changed_at, changed_by, source)
                        VALUES (7, 'resident', 'K7', 'address', 't', 'founder', ?)
                        """, arguments: [source])
                    return .rollback
                }) != nil
            }
            for source in HistoryRecord.Source.allCases { #expect(historyAdmits(source.rawValue), "\(source)") }
            #expect(!historyAdmits("STAFF"))
        }
    }
}
