import Foundation
import GRDB
import GRDBSQLite

/// The residents with a person id as a snapshot found them, read once before its rows: by
/// person id, each one's id, register state and a digest of the values a listing may change.
///
/// A second snapshot lists almost everyone unchanged (975,319 of 995,131 rows at a million
/// residents), and staging each of them in full, then comparing it with its resident column by
/// column in SQL, was most of the writer's time. A row whose digest equals its resident's, and
/// whose listing leaves the resident's state as it is, changes nothing: it is only counted. The
/// residents the snapshot omits are the ones whose person id no row listed. Every other row is
/// staged and compared in SQL as before, so a digest that differs only costs the comparison it
/// would have had anyway. The digest is Swift's hasher, seeded per process, over
/// each value's length and bytes: two different rows give the same digest with a chance of
/// about one in 2^64, and no one can choose values to make them.
struct KnownResidents {
    private struct Entry {
        let id: Int64
        let digest: Int
        let state: UInt8
        /// Whether a row of the file has listed the resident.
        var listed = false
    }

    /// The residents of an id range, as one connection read them.
    private struct Part {
        var keyed: [(personID: Int64, entry: Entry)] = []
        /// Residents whose person id is not a number.
        var others: [Entry] = []
    }

    /// The residents whose person id is a number, found by it through `places`.
    private var entries: [Entry] = []
    private let places: PersonNumberTable
    /// Residents whose person id is not a number: no row can name them (a listed person id is
    /// read as one), so they are unlisted whatever the file says.
    private var others: [Entry] = []
    /// The states a listing knows, by the number entries keep; a state it does not know (none
    /// the schema allows) is the number past the last.
    private let states: [String]
    /// Per state number: whether a listing keeps a resident in it (no change of state).
    private let kept: [Bool]
    /// Per state number: the listed residents counted unchanged in it.
    private(set) var unchanged: [Int]

    /// The tracked columns a digest covers: all but the person id, which is the key, and the
    /// state, which a listing moves by rule rather than by the file's value.
    static let digested = Array(ResidentRecord.trackedColumns.dropFirst(2))

    /// Reads the residents, half of them on a connection of `helper`'s when there are many:
    /// a million took two seconds on one core, with the file's rows waiting. The helper sees the
    /// residents this transaction sees, since it is called before the import writes any and the
    /// import holds the write lock; it reads with a small page cache, since it reads each page
    /// once, so that its half does not stay in memory.
    init(listing: [String: String], in db: Database, helper: RegisterStaging.Helper?) throws {
        states = listing.keys.sorted()
        kept = states.map { listing[$0] == $0 } + [false]
        unchanged = Array(repeating: 0, count: states.count + 1)
        let names = states.map { Array($0.utf8) }
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM resident WHERE person_id IS NOT NULL") ?? 0
        let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM resident") ?? 0
        var parts: [Part]
        if let helper, count >= helper.fromResidents {
            let half = last / 2
            let theirs = Handoff<Result<Part, any Error>>()
            let done = DispatchGroup()
            DispatchQueue.global(qos: .userInitiated).async(group: done) {
                theirs.value = Result {
                    try helper.pool.read { db in
                        try PageCache.set(kibibytes: PageCache.scanKiB, in: db)
                        defer { try? PageCache.set(kibibytes: PageCache.standardKiB, in: db) }
                        return try Self.part(ids: (half + 1)...max(half + 1, last), states: names, in: db)
                    }
                }
            }
            let mine = Result { try Self.part(ids: Int64.min...half, states: names, in: db) }
            done.wait()
            parts = [try mine.get(), try theirs.value!.get()]
        } else {
            parts = [try Self.part(ids: Int64.min...Int64.max, states: names, in: db)]
        }
        var places = PersonNumberTable(capacity: parts.reduce(0) { $0 + $1.keyed.count })
        entries.reserveCapacity(count)
        for index in parts.indices {
            // `resident`'s unique index keeps person ids, and so their numbers, apart.
            for (personID, entry) in parts[index].keyed where places.insert(personID, place: Int32(entries.count)) {
                entries.append(entry)
            }
            others += parts[index].others
            parts[index] = Part()
        }
        self.places = places
    }

    /// One id range's residents with a person id. The state is matched and the person id read
    /// from SQLite's bytes: made into strings, they were a fifth of the reading.
    private static func part(ids: ClosedRange<Int64>, states: [[UInt8]], in db: Database) throws -> Part {
        let statement = try db.makeStatement(sql: """
            SELECT id, person_id, register_state, \(Self.digested.joined(separator: ", ")) FROM resident
            WHERE person_id IS NOT NULL AND id BETWEEN ? AND ?
            """)
        var range = SQLiteBinder(statement.sqliteStatement)
        range.integer(ids.lowerBound)
        range.integer(ids.upperBound)
        var part = Part()
        try db.forEachRawRow(of: statement) { handle in
            let state = bytes(handle, 2).flatMap { state in states.firstIndex { $0.elementsEqual(state) } } ?? states.count
            var hasher = Hasher()
            for column in 0..<Int32(Self.digested.count) { Self.combine(bytes(handle, 3 + column), into: &hasher) }
            let entry = Entry(id: sqlite3_column_int64(handle, 0), digest: hasher.finalize(), state: UInt8(state))
            if let personID = bytes(handle, 1).flatMap(number) { part.keyed.append((personID, entry)) } else { part.others.append(entry) }
        }
        return part
    }

    /// A row that lists `record`, whose person id is `personNumber` as a number: nil when no
    /// resident has it; otherwise whether a row listed the resident before, and whether this one
    /// changes nothing of theirs (it is counted here and need not be staged). A held row is never
    /// counted unchanged: it is someone else's to apply.
    mutating func list(_ personNumber: Int64, _ record: ResidentRecord, held: Bool) -> (again: Bool, unchanged: Bool)? {
        guard let place = places.place(of: personNumber).map(Int.init) else { return nil }
        guard !entries[place].listed else { return (again: true, unchanged: false) }
        entries[place].listed = true
        let entry = entries[place]
        guard !held, kept[Int(entry.state)], entry.digest == Self.digest(record) else { return (again: false, unchanged: false) }
        unchanged[Int(entry.state)] += 1
        return (again: false, unchanged: true)
    }

    /// The unchanged listed residents by state, for the file's outcome.
    var unchangedStates: [String: Int] {
        Dictionary(zip(states, unchanged).filter { $0.1 > 0 }, uniquingKeysWith: +)
    }

    /// The residents in `inStates` no row listed, by id.
    func unlisted(inStates: Set<String>) -> [Int64] {
        let wanted = states.map(inStates.contains) + [false]
        return (entries.filter { !$0.listed } + others).filter { wanted[Int($0.state)] }.map(\.id).sorted()
    }

    private static func digest(_ record: ResidentRecord) -> Int {
        var hasher = Hasher()
        var position = 0
        record.forEachTrackedValue { value in
            defer { position += 1 }
            // The person id and the state are not digested (`digested`).
            guard position >= 2 else { return }
            guard var value else { return combine(nil, into: &hasher) }
            value.withUTF8 { combine($0, into: &hasher) }
        }
        return hasher.finalize()
    }

    /// One value of a digest, as the residents' and the rows' digests both take it: its length
    /// and bytes, or a mark for NULL.
    private static func combine(_ value: UnsafeBufferPointer<UInt8>?, into hasher: inout Hasher) {
        guard let value else { return hasher.combine(-1) }
        hasher.combine(value.count)
        hasher.combine(bytes: UnsafeRawBufferPointer(value))
    }

    /// A column's text as SQLite holds it, valid until the statement steps again; nil for NULL.
    private static func bytes(_ handle: SQLiteStatement, _ index: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index)))
    }

    /// Digits as a number, as `Int64(String)` reads them; nil for anything else.
    private static func number(_ digits: UnsafeBufferPointer<UInt8>) -> Int64? {
        // A person id is eleven digits; eighteen always fit.
        guard (1...18).contains(digits.count) else { return nil }
        var value: Int64 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(digit - UInt8(ascii: "0"))
        }
        return value
    }
}

/// A value one thread sets and another reads after waiting for it (a `DispatchGroup`'s wait
/// orders the two).
private final class Handoff<Value>: @unchecked Sendable {
    var value: Value?
}
