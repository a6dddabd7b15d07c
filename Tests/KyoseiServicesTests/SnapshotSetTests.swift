import Foundation
import GRDB
import KyoseiDomain
@testable import KyoseiServices
import KyoseiStore
import Testing

/// A snapshot is applied as sets in SQL; these check it against what the domain says a change
/// is (`ResidentRecord.changes(from:)`, the state rules) and what a row-by-row apply wrote: one
/// history row per changed field in field order, naming the file and line, the search index
/// following a rename, and whom it takes off the register.
@Suite struct SnapshotSetTests {
    let city: TestCity
    var sync: FileImport { FileImport(context: city.context) }

    init() throws { city = try TestCity() }

    func residents() throws -> [String: ResidentRecord] {
        try city.context.database.writer.read { db in
            Dictionary(uniqueKeysWithValues: try ResidentRecord.fetchAll(db).compactMap { r in r.personID.map { ($0.rawValue, r) } })
        }
    }

    func history(_ id: Int64, after seq: Int64) throws -> [HistoryRecord] {
        try city.context.database.writer.read { db in
            try HistoryRecord.fetchAll(db, sql: "SELECT * FROM history WHERE resident_id = ? AND id > ? ORDER BY id", arguments: [id, seq])
        }
    }

    @Test func aSecondSnapshotWritesWhatTheDomainCallsAChangeAndNothingElse() throws {
        let given = ["ANA", "BRUNO", "CARLA", "DIEGO", "ELENA", "FABIO", "GABRIELA", "HUGO", "IRENE", "JORGE", "KARINA", "LUCAS"]
        let people = given.enumerated().map { i, name in
            RegisterExport.person(i + 1, name: "PEREIRA \(name)", nationality: i % 2 == 0 ? "BR" : "PE")
        }
        #expect(try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: people), as: .register, by: city.founder).outcome == .applied)
        let before = try residents()
        let lastHistory = try city.context.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM history") ?? 0 }

        var second = people
        second[0]["name_latin"] = "OLIVEIRA ANA"                             // a rename: the index must follow
        second[1]["address"] = "静岡県浜松市中区新しい住所1"; second[1]["postal_code"] = "430-0001"
        second[2]["status_of_residence"] = "PERMANENT"; second[2]["period_of_stay"] = "INDEFINITE"; second[2]["stay_expiry_date"] = ""
        second[3]["district_code"] = "D07"; second[3]["period_of_stay"] = "P5Y"
        second.remove(at: 11)                                                 // omitted: leaves the register
        second[9]["birth_date"] = "1985-13-40"                                // rejected: still listed
        second.append(RegisterExport.person(13, name: "NEW ARRIVAL", sex: "2"))
        let path = try RegisterExport.write(to: city.folder, sequence: 2, rows: second)
        // One of twelve omitted is above the plausibility guard's 5%: a small city's real change.
        let outcome = try sync.apply(path, as: .register, acceptLargeChange: true, by: city.founder)
        #expect(outcome.outcome == .applied, "\(outcome)")
        let reasons = try city.context.database.writer.read { db in try String.fetchAll(db, sql: "SELECT reasons FROM intake_reject") }
        #expect(outcome.rejected == 1, "\(reasons)")
        #expect(outcome.register?.created == 1)
        #expect(outcome.register?.changed == 4)
        #expect(outcome.register?.unchanged == 6)
        #expect(outcome.register?.leftRegister == 1)
        #expect(outcome.register?.states == ["REGISTERED": 11, "LEFT_REGISTER": 1])

        let after = try residents()
        for (personID, old) in before {
            let new = try #require(after[personID])
            let expected = new.changes(from: old)
            let written = try history(old.id!, after: lastHistory)
            #expect(written.map(\.field) == expected.map(\.field), "\(personID)")
            #expect(written.map(\.oldValue) == expected.map(\.old), "\(personID)")
            #expect(written.map(\.newValue) == expected.map(\.new), "\(personID)")
            if !expected.isEmpty, personID != "00000000012" {
                let line = try #require(second.firstIndex { $0["person_id"] == personID }) + 2
                #expect(written.allSatisfy { $0.sourceRef == "REG-221309-000002.csv seq 2 line \(line)" && $0.reason == "snapshot" })
                #expect(new.registerSequence == 2)
            } else if expected.isEmpty {
                #expect(new == old, "an unchanged resident is not rewritten: \(personID)")
            }
        }
        let gone = try #require(after["00000000012"])
        #expect(gone.registerState == .leftRegister)
        #expect(try history(gone.id!, after: lastHistory).map(\.reason) == ["absent from snapshot"])
        #expect(after["00000000010"]?.registerState == .registered)

        let arrival = try #require(after["00000000013"])
        let created = try #require(try history(arrival.id!, after: lastHistory).first)
        #expect(created.field == "(created)")
        #expect(created.newValue == arrival.creationSummary)
        #expect(arrival.id == before.values.compactMap(\.id).max()! + 1)

        #expect(try city.residents.find("oliveira", by: city.founder).map(\.resident.personID?.rawValue) == ["00000000001"])
        #expect(try city.residents.find("arrival", by: city.founder).map(\.resident.personID?.rawValue) == ["00000000013"])
        let byOldName = try city.residents.find("pereira", by: city.founder).compactMap(\.resident.personID?.rawValue)
        #expect(byOldName.count == 11 && !byOldName.contains("00000000001"), "\(byOldName)")
    }

    /// A snapshot's row whose values are its resident's is only counted, never staged
    /// (`KnownResidents`). These rows look unchanged by their values and are not: a resident the
    /// last snapshot left out, listed again as they were (the listing moves their state back),
    /// and a letter moved from one field to the next (the same letters in the same order).
    @Test func aRowThatLooksUnchangedIsStillAChangeWhereItIsOne() throws {
        let people = ["ANA", "BRUNO", "CARLA", "DIEGO", "ELENA", "FABIO"].enumerated().map { i, name in
            RegisterExport.person(i + 1, name: "SOUZA \(name)", ["name_kanji": "山田", "common_name": "太郎"])
        }
        let first = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: people), as: .register, by: city.founder)
        #expect(first.outcome == .applied && first.rejected == 0, "\(first)")
        let left = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 2, rows: Array(people.prefix(5))),
                                  as: .register, acceptLargeChange: true, by: city.founder)
        #expect(left.register?.leftRegister == 1 && left.register?.unchanged == 5, "\(left)")
        #expect(try residents()["00000000006"]?.registerState == .leftRegister)
        let before = try residents()
        let lastHistory = try city.context.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM history") ?? 0 }

        var third = people
        third[1]["name_kanji"] = "山田太"
        third[1]["common_name"] = "郎"
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 3, rows: third), as: .register, by: city.founder)
        #expect(outcome.outcome == .applied, "\(outcome)")
        #expect(outcome.register?.changed == 2)
        #expect(outcome.register?.unchanged == 4)
        #expect(outcome.register?.leftRegister == 0)
        #expect(outcome.register?.states == ["REGISTERED": 6])
        let back = try #require(try residents()["00000000006"])
        #expect(back.registerState == .registered)
        #expect(try history(back.id!, after: lastHistory).map(\.field) == ["register_state"])
        let moved = try #require(before["00000000002"])
        #expect(try history(moved.id!, after: lastHistory).map(\.field) == ["name_kanji", "common_name"])
        for id in ["00000000001", "00000000003", "00000000004", "00000000005"] {
            #expect(try residents()[id] == before[id], "an unchanged resident is not rewritten: \(id)")
        }
    }

    /// A delta writes each changed resident by one statement that assigns only the columns that
    /// changed, chosen per resident, and each new resident by one insert: whatever set of
    /// columns a row changes, the resident ends with the row's values, one history row per
    /// changed field, the file's sequence, and the search index following a rename; a household
    /// named for the first time exists before a resident points to it.
    @Test func aDeltaWritesEachResidentsOwnChangedColumns() throws {
        let people = ["ANA", "BRUNO", "CARLA", "DIEGO", "ELENA", "FABIO"].enumerated().map { i, name in
            RegisterExport.person(i + 1, name: "COSTA \(name)")
        }
        #expect(try sync.apply(try RegisterExport.write(to: city.folder, sequence: 1, rows: people), as: .register, by: city.founder).outcome == .applied)
        let before = try residents()
        let lastHistory = try city.context.database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM history") ?? 0 }
        func event(_ row: [String: String], _ event: String, _ changes: [String: String] = [:]) -> [String: String] {
            row.merging(changes.merging(["event": event, "event_date": "2026-11-20"]) { $1 }) { $1 }
        }
        let delta = [
            event(people[0], "HOUSEHOLD_CHANGE", ["household_id": "3000000001", "relationship": "SPOUSE"]),
            event(people[1], "NAME_CHANGE", ["name_latin": "MOURA BRUNO", "name_kana": "モウラ ブルノ"]),
            event(people[2], "MOVE_OUT", ["address": "東京都新宿区西新宿2-8-1", "postal_code": "163-8001"]),
            event(people[3], "STAY_RENEWAL", ["period_of_stay": "P5Y", "stay_expiry_date": "2031-06-30"]),
            event(people[4], "CORRECTION"),
            event(RegisterExport.person(7, name: "COSTA GABRIELA", sex: "2"), "BIRTH", ["household_id": "3000000001"]),
        ]
        let outcome = try sync.apply(try RegisterExport.write(to: city.folder, sequence: 2, kind: "delta", rows: delta), as: .register, by: city.founder)
        #expect(outcome.outcome == .applied && outcome.rejected == 0, "\(outcome)")
        #expect(outcome.register?.changed == 4)
        #expect(outcome.register?.unchanged == 1)
        #expect(outcome.register?.created == 1)

        let after = try residents()
        for (line, row) in delta.enumerated() {
            let personID = try #require(row["person_id"])
            let new = try #require(after[personID])
            for (field, value) in new.trackedFields where field != "register_state" {
                #expect(value ?? "" == row[field] ?? "", "\(personID) \(field)")
            }
            guard let old = before[personID] else { continue }
            let expected = new.changes(from: old)
            let written = try history(old.id!, after: lastHistory)
            #expect(written.map(\.field) == expected.map(\.field), "\(personID)")
            #expect(written.map(\.oldValue) == expected.map(\.old), "\(personID)")
            #expect(written.map(\.newValue) == expected.map(\.new), "\(personID)")
            #expect(written.allSatisfy { $0.sourceRef == "REG-221309-000002.csv seq 2 line \(line + 2)" && $0.reason == row["event"] })
            if expected.isEmpty {
                #expect(new == old, "an unchanged resident is not rewritten: \(personID)")
            } else {
                #expect(new.registerSequence == 2, "\(personID)")
                #expect(new.createdAt == old.createdAt && new.id == old.id, "\(personID)")
            }
        }
        #expect(try history(before["00000000001"]!.id!, after: lastHistory).map(\.field) == ["household_id", "relationship"])
        #expect(after["00000000003"]?.registerState == .movedOut)
        #expect(try history(before["00000000003"]!.id!, after: lastHistory).map(\.field) == ["register_state", "postal_code", "address"])
        #expect(after["00000000006"] == before["00000000006"])
        let born = try #require(after["00000000007"])
        #expect(born.id == before.values.compactMap(\.id).max()! + 1)
        #expect(try history(born.id!, after: lastHistory).map(\.field) == ["(created)"])
        #expect(try city.residents.find("moura", by: city.founder).map(\.resident.personID?.rawValue) == ["00000000002"])
        #expect(try city.residents.find("bruno", by: city.founder).map(\.resident.personID?.rawValue) == ["00000000002"])
        #expect(try city.residents.find("gabriela", by: city.founder).map(\.resident.personID?.rawValue) == ["00000000007"])
        let households = try city.context.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT household_id FROM resident WHERE household_id = '3000000001' ORDER BY id")
        }
        #expect(households.count == 2)
    }

    @Test func aPossibleWalkInIsDecidedRowByRowInsideASnapshot() throws {
        let walkIn = try city.add("SANTOS MARIA", born: "1990-01-15", sex: .female, nationality: "BR", card: "AB12345678CD")
        let path = try RegisterExport.write(to: city.folder, sequence: 1, rows: [
            RegisterExport.person(1, name: "SANTOS MARIA", born: "1990-01-15", sex: "2", card: "AB12345678CD"),
            RegisterExport.person(2, name: "OTHER PERSON"),
            RegisterExport.person(2, name: "OTHER PERSON AGAIN"),
        ])
        let outcome = try sync.apply(path, as: .register, by: city.founder)
        #expect(outcome.register?.linked == 1)
        #expect(outcome.register?.created == 1)
        let reasons = try city.context.database.writer.read { db in try String.fetchAll(db, sql: "SELECT reasons FROM intake_reject") }
        #expect(outcome.rejected == 1, "\(reasons)")
        #expect(outcome.applied == 2)
        let linked = try city.residents.show(.kyosei(walkIn.id), by: city.founder).resident
        #expect(linked.personID?.rawValue == "00000000001")
        #expect(linked.registerState == .registered)
    }
}
