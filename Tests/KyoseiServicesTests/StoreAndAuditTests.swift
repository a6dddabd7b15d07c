import Foundation
import GRDB
import KyoseiDomain
import KyoseiServices
import KyoseiStore
import Logging
import Testing

@Suite struct MigrationTests {
    @Test func migratesAnEmptyDatabaseAndReopensAnExistingOne() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        #expect(try city.context.database.appliedMigrations() == AppDatabase.knownMigrations)
        let reopened = try Startup.open(databasePath: city.path, settings: city.context.settings, clock: city.context.clock,
                                        logger: Logger(label: "test"))
        #expect(try reopened.database.appliedMigrations() == AppDatabase.knownMigrations)
        let founder = try reopened.staffMember(login: "founder")
        #expect(try ResidentService(context: reopened).find("silva", by: founder).count == 1)
        let mode = try reopened.database.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let fk = try reopened.database.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(fk == 1)
    }

    @Test func refusesADatabaseFromANewerKyosei() throws {
        let city = try TestCity()
        try city.sqlite("INSERT INTO grdb_migrations(identifier) VALUES ('999_from_the_future')")
        #expect(throws: ServiceError.self) {
            try Startup.open(databasePath: city.path, settings: city.context.settings, clock: city.context.clock, logger: Logger(label: "t"))
        }
    }

    @Test func refusesAnotherMunicipalitysDatabase() throws {
        let city = try TestCity()
        let toyota = Settings(municipalityCode: try MunicipalityCode("232114"))
        #expect(throws: ServiceError.self) {
            try Startup.open(databasePath: city.path, settings: toyota, clock: city.context.clock, logger: Logger(label: "t"))
        }
        #expect(throws: ServiceError.self) {
            try Startup.initialize(databasePath: city.path, settings: city.context.settings, founder: "x", displayName: nil,
                                   clock: city.context.clock, logger: Logger(label: "t"))
        }
    }

    @Test func checkConstraintsGuardCodesEvenBehindKyoseisBack() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        #expect(throws: TestFailure.self) { try city.sqlite("UPDATE resident SET register_state = 'GONE'") }
        #expect(throws: TestFailure.self) { try city.sqlite("UPDATE resident SET sex = '3'") }
        #expect(throws: TestFailure.self) { try city.sqlite("UPDATE resident SET residence_card_number = 'ab12345678cd'") }
    }
}

@Suite struct AuditTests {
    @Test func everyReadAndWriteOfPersonalDataIsAudited() throws {
        let city = try TestCity()
        let ana = try city.add("SILVA ANA")
        _ = try city.residents.show(.kyosei(ana.id), by: city.founder)
        _ = try city.residents.find("silva", by: city.founder)
        _ = try city.residents.history(.kyosei(ana.id), by: city.founder)
        let entries = try city.audit.log(AuditFilter(person: .kyosei(ana.id)), by: city.founder)
        #expect(entries.map(\.action) == ["resident.create", "resident.show", "resident.find", "resident.history"])
        #expect(entries.allSatisfy { $0.staffLogin == "founder" && $0.recordIDs.contains(ana.reference) })
    }

    @Test func verifyFindsAnIntactChain() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        let result = try city.audit.verify(by: city.founder)
        #expect(result.isIntact)
        #expect(result.entries == 2)
        #expect(result.head?.hasPrefix("2:") == true)
    }

    @Test func verifyCatchesAnEditedRow() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        try city.add("TRAN AN", nationality: "VN")
        try city.sqlite("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET staff_login = 'someone' WHERE seq = 2")
        let result = try city.audit.verify(by: city.founder)
        #expect(result.firstBrokenSeq == 2)
        #expect(result.problem?.contains("changed") == true)
    }

    @Test func verifyCatchesADeletedRow() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        try city.add("TRAN AN", nationality: "VN")
        try city.sqlite("DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_subject_no_delete; DELETE FROM audit_subject WHERE seq = 2; DELETE FROM audit_log WHERE seq = 2")
        let result = try city.audit.verify(by: city.founder)
        #expect(result.firstBrokenSeq == 3)
        #expect(result.problem?.contains("missing") == true)
    }

    @Test func verifyCatchesAnInsertedRow() throws {
        let city = try TestCity()
        try city.add("SILVA ANA")
        try city.sqlite("""
            INSERT INTO audit_log(seq, at, staff_login, action, entity, record_ids, detail, previous_hash, hash)
            SELECT 3, at, 'intruder', 'resident.show', 'resident', 'K1', '', hash, lower(hex(randomblob(32)))
            FROM audit_log WHERE seq = 2
            """)
        let result = try city.audit.verify(by: city.founder)
        #expect(result.firstBrokenSeq == 3)
    }

    @Test func kyoseiItselfCannotRewriteTheLog() throws {
        let city = try TestCity()
        #expect(throws: TestFailure.self) { try city.sqlite("UPDATE audit_log SET detail = 'x'") }
        #expect(throws: TestFailure.self) { try city.sqlite("DELETE FROM audit_log") }
        try city.add("SILVA ANA")
        #expect(throws: TestFailure.self) { try city.sqlite("DELETE FROM audit_subject") }
        #expect(throws: TestFailure.self) { try city.sqlite("UPDATE audit_subject SET resident_id = 99") }
    }

    @Test func verifyCatchesAReadHiddenFromThePersonsLog() throws {
        let city = try TestCity()
        let ana = try city.add("SILVA ANA")
        _ = try city.residents.show(.kyosei(ana.id), by: city.founder)
        let shown = try #require(try city.audit.log(AuditFilter(person: .kyosei(ana.id)), by: city.founder).last)
        #expect(shown.action == "resident.show")
        try city.sqlite("DROP TRIGGER audit_subject_no_delete; DELETE FROM audit_subject WHERE seq = \(shown.seq)")
        #expect(!(try city.audit.log(AuditFilter(person: .kyosei(ana.id)), by: city.founder).contains { $0.seq == shown.seq }))
        let result = try city.audit.verify(by: city.founder)
        #expect(result.firstBrokenSeq == shown.seq)
        #expect(result.problem?.contains("residents recorded for entry \(shown.seq)") == true)
    }

    @Test func verifyCatchesAResidentAddedToAnEntry() throws {
        let city = try TestCity()
        let ana = try city.add("SILVA ANA")
        try city.sqlite("INSERT INTO audit_subject(seq, resident_id) VALUES (1, \(ana.id))")
        let result = try city.audit.verify(by: city.founder)
        #expect(result.firstBrokenSeq == 1)
        #expect(result.problem?.contains("residents recorded for entry 1") == true)
    }

    @Test func verifyCatchesResidentsOfAnEntryTheLogDoesNotHold() throws {
        let city = try TestCity()
        let ana = try city.add("SILVA ANA")
        try city.sqlite("PRAGMA foreign_keys = OFF; INSERT INTO audit_subject(seq, resident_id) VALUES (90, \(ana.id))")
        let result = try city.audit.verify(by: city.founder)
        #expect(result.firstBrokenSeq == 90)
        #expect(result.problem?.contains("does not hold") == true)
    }
}
