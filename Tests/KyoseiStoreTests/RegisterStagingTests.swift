import GRDB
import KyoseiDomain
import KyoseiStore
import Testing

/// The staging path a first snapshot takes: search text worked out on other threads while rows
/// are staged comes back to the row it was worked out for, over many batches, in file order.
@Suite struct RegisterStagingTests {
    @Test(arguments: [false, true])
    func everyNewResidentGetsTheTextOfItsOwnRowInFileOrder(whileStaging: Bool) throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue)
        let count = 5_000
        try queue.write { db in
            let staging = try RegisterStaging(
                states: RegisterStaging.StateRules(listing: [:], omission: [:]),
                searchText: { ("latin-" + $0.personID!.rawValue, "japanese-" + $0.nameLatin) },
                textWhileStaging: whileStaging, helper: nil, in: db)
            // Person ids in no order, so that a text coming back to the wrong row shows.
            let ids = (0..<count).map { String(format: "%011d", ($0 * 7_919) % 100_003) }
            for (line, id) in ids.enumerated() {
                let record = ResidentRecord(
                    personID: PersonID(unchecked: id), registerState: .registered, residentCategory: .midLongTerm,
                    residenceCardNumber: nil, nameLatin: "NAME \(id)", birthDate: try LocalDate("1990-01-01"), sex: .female,
                    nationality: try Nationality("VN"), createdAt: "", updatedAt: "")
                #expect(try staging.add(record, reason: "snapshot", line: line + 2, held: false))
            }
            let duplicate = ResidentRecord(
                personID: PersonID(unchecked: ids[0]), registerState: .registered, residentCategory: nil, residenceCardNumber: nil,
                nameLatin: "AGAIN", birthDate: try LocalDate("1990-01-01"), sex: .male, nationality: try Nationality("VN"),
                createdAt: "", updatedAt: "")
            #expect(try !staging.add(duplicate, reason: "snapshot", line: count + 2, held: false))
            let index = SearchIndexBatch()
            let result = try staging.apply(
                provenance: .init(login: "founder", timestamp: "t", sequence: 1, reference: "REG seq 1", source: "REGISTER_SYNC"),
                index: index)
            try index.flush(db)
            #expect(result.created == count)
            let rows = try Row.fetchAll(db, sql: "SELECT id, person_id, search_latin, search_japanese FROM resident ORDER BY id")
            #expect(rows.map { $0["person_id"] as String } == ids)
            #expect(rows.map { $0["id"] as Int64 } == Array(1...Int64(count)))
            #expect(rows.allSatisfy { row in
                (row["search_latin"] as String) == "latin-" + (row["person_id"] as String)
                    && (row["search_japanese"] as String) == "japanese-NAME " + (row["person_id"] as String)
            })
        }
    }
}
