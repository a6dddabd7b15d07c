import GRDB
import GRDBSQLite

/// The residents with a person id as a snapshot found them, read once before its rows: by
/// person id, each one's id, register state and a digest of the values a listing may change.
///
/// A second snapshot lists almost everyone unchanged (975,319 of 995,131 rows at a million
/// residents), and staging each of them in full, then comparing it with its resident column by
/// column in SQL, was most of the writer's time. A row whose digest equals its resident's, and
/// whose listing leaves the resident's state as it is, changes nothing: it is only counted. The
/// residents the snapshot omits are the ones whose person id no row listed. Every other row is staged and compared in SQL as before, so a digest that differs only costs the
/// comparison it would have had anyway. The digest is Swift's hasher, seeded per process, over
/// each value's length and bytes: two different rows give the same digest with a chance of
/// about one in 2^64, and no one can choose values to make them.
struct KnownResidents {
    private struct Entry {
        let id: Int64
        let digest: Int
        let state: UInt8
    }

    /// By person id as a number, as the staging keeps the listed ones.
    private var entries: [Int64: Entry] = [:]
    /// Residents whose person id is not a number: no row can name them (a listed person id is
    /// read as one), so they are unlisted whatever the file says.
    private var others: [Entry] = []
    /// The states met, by the number entries keep.
    private var states: [String] = []
    /// Per state number: whether a listing keeps a resident in it (no change of state).
    private var kept: [Bool] = []
    /// Per state number: the listed residents counted unchanged in it.
    private(set) var unchanged: [Int] = []

    /// The tracked columns a digest covers: all but the person id, which is the key, and the
    /// state, which a listing moves by rule rather than by the file's value.
    static let digested = Array(ResidentRecord.trackedColumns.dropFirst(2))

    init(listing: [String: String], in db: Database) throws {
        let statement = try db.makeStatement(sql: """
            SELECT id, person_id, register_state, \(Self.digested.joined(separator: ", ")) FROM resident WHERE person_id IS NOT NULL
            """)
        let handle = statement.sqliteStatement
        var numbers: [String: UInt8] = [:]
        entries.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM resident WHERE person_id IS NOT NULL") ?? 0)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            let state = Self.text(handle, 2) ?? ""
            let number: UInt8
            if let known = numbers[state] {
                number = known
            } else {
                number = UInt8(states.count)
                numbers[state] = number
                states.append(state)
                kept.append((listing[state] ?? state) == state)
                unchanged.append(0)
            }
            var hasher = Hasher()
            for column in 0..<Int32(Self.digested.count) {
                let index = 3 + column
                guard sqlite3_column_type(handle, index) != SQLITE_NULL else {
                    hasher.combine(-1)
                    continue
                }
                let bytes = sqlite3_column_text(handle, index)
                let count = Int(sqlite3_column_bytes(handle, index))
                hasher.combine(count)
                hasher.combine(bytes: UnsafeRawBufferPointer(start: bytes, count: count))
            }
            let entry = Entry(id: sqlite3_column_int64(handle, 0), digest: hasher.finalize(), state: number)
            if let personID = Self.text(handle, 1).flatMap({ Int64($0) }) { entries[personID] = entry } else { others.append(entry) }
        }
    }

    /// Whether `record`, listed, changes nothing of its resident's; such a row is counted here
    /// and need not be staged. A held row never does: it is someone else's to apply.
    mutating func leavesUnchanged(_ record: ResidentRecord, held: Bool) -> Bool {
        guard !held, let personID = record.personID.flatMap({ Int64($0.rawValue) }), let entry = entries[personID],
              kept[Int(entry.state)], entry.digest == Self.digest(record) else { return false }
        unchanged[Int(entry.state)] += 1
        return true
    }

    /// The unchanged listed residents by state, for the file's outcome.
    var unchangedStates: [String: Int] {
        Dictionary(zip(states, unchanged).filter { $0.1 > 0 }, uniquingKeysWith: +)
    }

    /// The residents in `inStates` whose person id is not in `listed`, by id.
    func unlisted(_ listed: Set<Int64>, inStates: Set<String>) -> [Int64] {
        let wanted = states.map(inStates.contains)
        let named = entries.lazy.filter { !listed.contains($0.key) }.map(\.value)
        return (Array(named) + others).filter { wanted[Int($0.state)] }.map(\.id).sorted()
    }

    private static func digest(_ record: ResidentRecord) -> Int {
        var hasher = Hasher()
        for (_, value) in record.trackedFields.dropFirst(2) {
            guard var value else {
                hasher.combine(-1)
                continue
            }
            value.withUTF8 { bytes in
                hasher.combine(bytes.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            }
        }
        return hasher.finalize()
    }

    private static func text(_ handle: SQLiteStatement, _ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, index) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, index))), as: UTF8.self)
    }
}
