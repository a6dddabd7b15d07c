import GRDB
import KyoseiDomain
import KyoseiStore
import Testing

/// 021 rebuilds the tables that take a million rows at a time with their CHECKs' value lists
/// written as CASE expressions: rows come through unchanged, the indexes are back, an insert no
/// longer builds a temporary index per row, and each rule still admits exactly the domain's
/// codes (and NULL where the column allows it).
@Suite struct CaseCheckMigrationTests {
    static let rebuilt = ["resident", "history", "insurance_member", "enrollment"]

    static func rows(_ db: Database) throws -> [Row] {
        try rebuilt.flatMap { try Row.fetchAll(db, sql: "SELECT * FROM \($0) ORDER BY id") }
    }

    @Test func rowsAndIndexesComeThroughAndEveryRuleAdmitsExactlyTheDomainsCodes() throws {
        let old = try OldDatabase(migratedUpTo: "020_certificate_withdrawal")
        let queue = old.queue
        func indexes(_ db: Database) throws -> [String] {
            try String.fetchAll(db, sql: """
                SELECT name || ':' || coalesce(sql, '') FROM sqlite_master
                WHERE type = 'index' AND tbl_name IN ('resident', 'history', 'insurance_member', 'enrollment') ORDER BY name
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
            try db.execute(sql: """
                INSERT INTO intake_file(id, kind, file_name, sha256, encoding, header, row_count, rows_applied, rows_rejected,
                                        summary, applied_at, applied_by)
                VALUES (1, 'INSURANCE', 'NHI-221309-20261101.csv', ?, 'UTF-8', '', 1, 1, 0, '', 't', 'founder')
                """, arguments: [String(repeating: "a", count: 64)])
            try db.execute(sql: """
                INSERT INTO insurance_member(id, scheme, source, insurer_number, member_number, resident_id, match_outcome,
                    match_score, name_kana, birth_date, sex, residence_card_number, first_file_id, last_file_id)
                VALUES (3, 'NHI', '221309', '123456', 'M-1', 7, 'MATCHED', 11.5, 'シルバ ペドロ', '1990-05-10', '1', NULL, 1, 1)
                """)
            try db.execute(sql: """
                INSERT INTO enrollment(id, member_id, resident_id, scheme, member_type, enrolled_from, file_id)
                VALUES (5, 3, 7, 'NHI', 'INSURED', '2026-04-01', 1)
                """)
            return (try Self.rows(db), try indexes(db))
        }

        try AppDatabase.migrator.migrate(queue, upTo: "021_checks_as_case")
        try queue.write { db in
            let after = try Self.rows(db)
            let plans = try Self.rebuilt.map { table in
                (table, try Row.fetchAll(db, sql: "EXPLAIN INSERT INTO \(table) DEFAULT VALUES").filter { $0["opcode"] == "OpenEphemeral" })
            }
            let indexesAfter = try indexes(db)
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            #expect(after == before)
            #expect(indexesAfter == indexesBefore)
            #expect(orphans.isEmpty)
            for (table, ephemeral) in plans { #expect(ephemeral.isEmpty, "an insert into \(table) builds a temporary index") }

            /// Whether a row of `table` with `base`'s values and `column` set to `value` is admitted.
            func admits(_ table: String, _ base: [String: DatabaseValue], _ column: String, _ value: String?) -> Bool {
                var values = base
                values[column] = value?.databaseValue ?? .null
                let columns = Array(values.keys)
                return (try? db.inSavepoint {
                    try db.execute(
                        sql: "INSERT INTO \(table)(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                        arguments: StatementArguments(columns.map { values[$0]! }))
                    return .rollback
                }) != nil
            }
            let resident: [String: DatabaseValue] = [
                "register_state": "REGISTERED".databaseValue, "name_latin": "LEE MIN".databaseValue, "birth_date": "2001-01-01".databaseValue,
                "sex": "2".databaseValue, "nationality": "KR".databaseValue, "created_at": "t".databaseValue, "updated_at": "t".databaseValue,
            ]
            let history: [String: DatabaseValue] = [
                "resident_id": 7.databaseValue, "entity": "resident".databaseValue, "entity_id": "K7".databaseValue,
                "field": "address".databaseValue, "changed_at": "t".databaseValue, "changed_by": "founder".databaseValue,
                "source": "SYSTEM".databaseValue,
            ]
            let member: [String: DatabaseValue] = [
                "scheme": "NHI".databaseValue, "source": "221309".databaseValue, "insurer_number": "123456".databaseValue,
                "member_number": "M-2".databaseValue, "match_outcome": "UNMATCHED".databaseValue, "name_kana": "イ ミン".databaseValue,
                "birth_date": "2001-01-01".databaseValue, "sex": "2".databaseValue, "first_file_id": 1.databaseValue,
                "last_file_id": 1.databaseValue,
            ]
            let enrollment: [String: DatabaseValue] = [
                "member_id": 3.databaseValue, "scheme": "NHI".databaseValue, "member_type": "DEPENDENT".databaseValue,
                "enrolled_from": "2026-05-01".databaseValue, "file_id": 1.databaseValue,
            ]
            let codes: [(table: String, base: [String: DatabaseValue], column: String, values: [String], nullable: Bool)] = [
                ("resident", resident, "register_state", RegisterState.allCases.map(\.rawValue), false),
                ("resident", resident, "resident_category", ResidentCategory.allCases.map(\.rawValue), true),
                ("resident", resident, "sex", Sex.allCases.map(\.rawValue), false),
                // A temporary visitor is never in the register: the intake rejects the row.
                ("resident", resident, "status_of_residence", StatusOfResidence.allCases.filter { $0 != .temporaryVisitor }.map(\.rawValue), true),
                ("resident", resident, "relationship", Relationship.allCases.map(\.rawValue), true),
                ("history", history, "source", HistoryRecord.Source.allCases.map(\.rawValue), false),
                ("insurance_member", member, "scheme", InsuranceScheme.allCases.map(\.rawValue), false),
                ("insurance_member", member, "match_outcome", LinkOutcome.allCases.map(\.rawValue), false),
                ("insurance_member", member, "sex", Sex.allCases.map(\.rawValue), false),
                ("enrollment", enrollment, "scheme", InsuranceScheme.allCases.map(\.rawValue), false),
            ]
            for code in codes {
                let name = "\(code.table).\(code.column)"
                for value in code.values { #expect(admits(code.table, code.base, code.column, value), "\(name) \(value)") }
                let first = code.values[0]
                for wrong in ["", "NOT_A_CODE", first + " ", "X" + first] + (first.lowercased() == first ? [] : [first.lowercased()]) {
                    #expect(!admits(code.table, code.base, code.column, wrong), "\(name) '\(wrong)'")
                }
                #expect(admits(code.table, code.base, code.column, nil) == code.nullable, "\(name) NULL")
            }
            #expect(!admits("resident", resident, "status_of_residence", StatusOfResidence.temporaryVisitor.rawValue))
        }
    }
}
