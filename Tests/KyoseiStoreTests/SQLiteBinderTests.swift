import Foundation
import GRDB
import KyoseiDomain
@testable import KyoseiStore
import KyoseiTestSupport
import PropertyBased
import Testing

/// The import's rows are bound straight into SQLite (`SQLiteBinder`) where GRDB's arguments
/// bound them before: every kind of value must be stored as GRDB stores it, to the type and
/// the byte, or a later read (or another build's) would see other values. The one difference
/// is text holding a NUL, which GRDB cuts at the NUL and the binder keeps whole.
@Suite struct SQLiteBinderTests {
    static let texts: [String?] = [nil, "", "M000000001", "ジョン ゴンサレス", "ｼﾞｮﾝ", "🇧🇷 São Paulo", String(repeating: "x", count: 5_000)]

    @Test func eachValueIsStoredAsGRDBStoresIt() async throws {
        let queue = try DatabaseQueue(path: try TestFolder.make("binder").appendingPathComponent("binder.sqlite").path)
        try await queue.write { db in
            for table in ["grdb", "raw"] {
                try db.execute(sql: "CREATE TABLE \(table) (t, i, r, f, c, d)")
            }
        }
        let date = try LocalDate("1985-03-14")
        await propertyCheck(input: Gen.int(in: 0...(Self.texts.count - 1)), Gen.int(in: Int.min...Int.max), Gen.int(in: -3...3),
                            Gen.bool, Gen.int(in: 0...3)) { text, integer, real, flag, choice in
            let text = Self.texts[text]
            let integer: Int64? = choice == 0 ? nil : Int64(integer)
            let real: Double? = choice == 1 ? nil : [-0.0, 0.1, 1e300, -2.5, Double.leastNonzeroMagnitude, 30_768_810.98, 7][real + 3]
            let sex: Sex? = choice == 2 ? nil : [Sex.male, .female, .notStated][abs(Int(integer ?? 0) % 3)]
            let stored: LocalDate? = choice == 3 ? nil : date
            let same = try? queue.write { db -> Bool in
                try db.execute(sql: "DELETE FROM grdb; DELETE FROM raw")
                try db.execute(sql: "INSERT INTO grdb VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [text, integer, real, flag, sex, stored])
                try db.runCached("INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?)") {
                    $0.text(text)
                    $0.integer(integer)
                    $0.real(real)
                    $0.flag(flag)
                    $0.code(sex)
                    $0.stored(stored)
                }
                let columns = "typeof(t), hex(t), typeof(i), quote(i), typeof(r), hex(CAST(r AS BLOB)), quote(r), typeof(f), quote(f), typeof(c), quote(c), typeof(d), quote(d)"
                let grdb = try Row.fetchOne(db, sql: "SELECT \(columns) FROM grdb")
                let raw = try Row.fetchOne(db, sql: "SELECT \(columns) FROM raw")
                return grdb != nil && grdb == raw
            }
            #expect(same == true, "\(String(describing: text)) \(String(describing: integer)) \(String(describing: real)) \(flag)")
        }
    }

    @Test func textHoldingANulIsKeptWhole() throws {
        let queue = try DatabaseQueue(path: try TestFolder.make("binder").appendingPathComponent("nul.sqlite").path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (source, v)")
            try db.execute(sql: "INSERT INTO t VALUES ('grdb', ?)", arguments: ["a\u{0}b"])
            try db.runCached("INSERT INTO t VALUES ('raw', ?)") { $0.text("a\u{0}b") }
            #expect(try String.fetchAll(db, sql: "SELECT hex(v) FROM t ORDER BY source") == ["61", "610062"])
        }
    }

    /// A statement that fails names its text, and leaves the statement ready for the next row.
    @Test func aFailedRowIsAnErrorNamingItsStatementAndTheNextRowRuns() throws {
        let queue = try DatabaseQueue(path: try TestFolder.make("binder").appendingPathComponent("fails.sqlite").path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n INTEGER NOT NULL UNIQUE)")
            let insert = "INSERT INTO t (n) VALUES (?)"
            try db.runCached(insert) { $0.integer(1) }
            #expect {
                try db.runCached(insert) { $0.integer(1) }
            } throws: { error in
                (error as? DatabaseError)?.sql == insert && (error as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT
            }
            try db.runCached(insert) { $0.integer(2) }
            #expect(try Int.fetchAll(db, sql: "SELECT n FROM t ORDER BY n") == [1, 2])
        }
    }
}
