import GRDB
import KyoseiStore
import Testing

/// 016 rebuilds `school_confirmation` to admit COULD_NOT_CONFIRM: confirmations recorded before
/// come through with their ids and references, and the outcome is still checked.
@Suite struct HomeVisitMigrationTests {
    @Test func confirmationsKeepTheirIdsAndTheNewOutcomeIsAdmitted() throws {
        let old = try OldDatabase(migratedUpTo: "014_insurance_facts")
        let queue = old.queue
        func confirm(_ outcome: String, in db: Database) throws {
            try db.execute(sql: """
                INSERT INTO school_confirmation(resident_id, outcome, note, confirmed_at, confirmed_by)
                VALUES (1, ?, 'visited', 't', 'u')
                """, arguments: [outcome])
        }
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO resident(register_state, name_latin, birth_date, sex, nationality, created_at, updated_at)
                VALUES ('REGISTERED', 'SILVA PEDRO', '2017-05-10', '1', 'BR', 't', 't')
                """)
            try confirm("NOT_ENROLLED", in: db)
            try confirm("DEPARTING", in: db)
            #expect(throws: DatabaseError.self) { try confirm("COULD_NOT_CONFIRM", in: db) }
        }

        try AppDatabase.migrator.migrate(queue)
        try queue.write { db in
            #expect(try String.fetchAll(db, sql: "SELECT id || outcome FROM school_confirmation ORDER BY id") == ["1NOT_ENROLLED", "2DEPARTING"])
            try confirm("COULD_NOT_CONFIRM", in: db)
            #expect(throws: DatabaseError.self) { try confirm("MAYBE", in: db) }
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'school_confirmation_resident')") == true)
        }
    }
}
