import Foundation
import GRDB
import KyoseiDomain
import KyoseiStore
import KyoseiTestSupport
import Testing

/// A snapshot reads the residents it is weighed against before its rows, half of them on a
/// second connection of the pool when there are many (`RegisterStaging.Helper`). Read on one
/// connection or two, the snapshot must leave the same residents and the same counts.
@Suite struct KnownResidentsTests {
    static let rules = RegisterStaging.StateRules(
        listing: ["REGISTERED": "REGISTERED", "ABROAD": "ABROAD", "LEFT_REGISTER": "REGISTERED"],
        omission: ["REGISTERED": "LEFT_REGISTER", "ABROAD": "LEFT_REGISTER"])
    /// The second connection reads from id 1,638 on, a resident the snapshot omits (1,638 =
    /// 13 × 126), so a slip at the boundary shows in who is taken off the register.
    static let count = 3_275

    static func person(_ number: Int, name: String) throws -> ResidentRecord {
        ResidentRecord(
            personID: PersonID(unchecked: String(format: "%011d", number)), registerState: .registered, residentCategory: .midLongTerm,
            residenceCardNumber: nil, nameLatin: name, birthDate: try LocalDate("1990-01-01"), sex: .female,
            nationality: try Nationality("VN"), createdAt: "", updatedAt: "")
    }

    /// A city of `count` residents (every 7th abroad, every 11th off the register), then a second
    /// snapshot that omits every 13th, renames every 17th and lists two newcomers.
    static func secondSnapshot(helped: Bool) throws -> (RegisterStaging.Result, [Row]) {
        let pool = try DatabasePool(path: try TestFolder.make("known-residents").appendingPathComponent("kyosei.sqlite").path)
        try AppDatabase.migrator.migrate(pool)
        func apply(_ records: [ResidentRecord], sequence: Int, helper: RegisterStaging.Helper?) throws -> RegisterStaging.Result {
            try pool.write { db in
                let staging = try RegisterStaging(
                    states: rules, searchText: { ($0.nameLatin.lowercased(), "") }, textWhileStaging: false, helper: helper, in: db)
                for (line, record) in records.enumerated() { _ = try staging.add(record, reason: "snapshot", line: line + 2, held: false) }
                let index = SearchIndexBatch()
                let result = try staging.apply(
                    provenance: .init(login: "founder", timestamp: "t\(sequence)", sequence: sequence, reference: "REG seq \(sequence)",
                                      source: "REGISTER_SYNC"),
                    index: index)
                try index.flush(db)
                return result
            }
        }
        let first = try (1...count).map { try person($0, name: "NAME \($0)") }
        _ = try apply(first, sequence: 1, helper: nil)
        try pool.write { db in
            try db.execute(sql: """
                UPDATE resident SET register_state = 'ABROAD' WHERE id % 7 = 0;
                UPDATE resident SET register_state = 'LEFT_REGISTER' WHERE id % 11 = 0;
                """)
        }
        var second = try first.filter { Int($0.personID!.rawValue)! % 13 != 0 }.map { record in
            let number = Int(record.personID!.rawValue)!
            return number % 17 == 0 ? try person(number, name: "RENAMED \(number)") : record
        }
        second += [try person(count + 1, name: "NEW ONE"), try person(count + 2, name: "NEW TWO")]
        let result = try apply(second, sequence: 2, helper: helped ? RegisterStaging.Helper(pool: pool, fromResidents: 1) : nil)
        let residents = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, person_id, register_state, name_latin, register_sequence FROM resident ORDER BY id")
        }
        try pool.close()
        return (result, residents)
    }

    @Test func readingTheResidentsOnTwoConnectionsLeavesWhatOneLeaves() throws {
        let (alone, residentsAlone) = try Self.secondSnapshot(helped: false)
        let (helped, residentsHelped) = try Self.secondSnapshot(helped: true)
        // Omitted: every 13th, unless already off the register (every 143rd). Changed: the
        // renamed among the listed (every 17th, not every 221st), and the listed who were off the
        // register and are back (every 11th, not every 143rd), less those who are both.
        func every(_ n: Int) -> Int { Self.count / n }
        #expect(alone.omitted == every(13) - every(143))
        #expect(alone.changed == (every(17) - every(221)) + (every(11) - every(143)) - (every(187) - every(2431)))
        #expect(alone.unchanged == (Self.count - every(13)) - alone.changed)
        #expect(alone.created == 2)
        for (a, b) in [(alone.created, helped.created), (alone.changed, helped.changed), (alone.unchanged, helped.unchanged),
                       (alone.omitted, helped.omitted), (alone.inRegisterBefore, helped.inRegisterBefore)] {
            #expect(a == b)
        }
        #expect(helped.states == alone.states)
        let touched = Set(helped.touched).symmetricDifference(alone.touched)
        #expect(touched.isEmpty && helped.touched.count == alone.touched.count, "touched by one only: \(touched.sorted())")
        #expect(residentsAlone.count == Self.count + 2 && residentsHelped.count == residentsAlone.count)
        let differing = zip(residentsHelped, residentsAlone).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.count) residents differ, first: \(differing.prefix(3))")
    }
}
